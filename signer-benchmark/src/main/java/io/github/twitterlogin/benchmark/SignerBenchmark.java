package io.github.twitterlogin.benchmark;

import com.github.scribejava.core.model.OAuth1AccessToken;
import com.github.scribejava.core.model.OAuthRequest;
import com.github.scribejava.core.oauth.OAuth10aService;
import io.github.twitterlogin.client.oauth.OAuthSigner;
import io.github.twitterlogin.client.oauth.UnsignedRequest;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Microseconds per {@code Authorization} header for Twitter's "Creating a signature" request,
 * the Twitter client's signer beside ScribeJava's. Each builds its request and signs it as in
 * use, with its own nonces and the system clock: ours draws 160 bits from {@code SecureRandom},
 * ScribeJava a {@code java.util.Random} number.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(2)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class SignerBenchmark {

  private OAuthSigner ours;
  private UnsignedRequest prebuilt;
  private OAuth10aService scribeJava;
  private OAuth1AccessToken scribeJavaToken;

  @Setup
  public void createSigners() {
    ours = OAuthSigner.hmacSha1(TwitterExample.CONSUMER);
    prebuilt = TwitterExample.unsignedRequest();
    scribeJava = TwitterExample.scribeJavaService();
    scribeJavaToken = TwitterExample.scribeJavaToken();
  }

  @Benchmark
  public String ours() {
    return ours.authorizationHeader(TwitterExample.unsignedRequest());
  }

  /** The signer alone, on a request built once: {@code URI.create} is a good part of {@link #ours}. */
  @Benchmark
  public String oursSigningAPrebuiltRequest() {
    return ours.authorizationHeader(prebuilt);
  }

  @Benchmark
  public String scribeJava() {
    OAuthRequest request = TwitterExample.scribeJavaRequest();
    scribeJava.signRequest(scribeJavaToken, request);
    return request.getHeaders().get("Authorization");
  }
}
