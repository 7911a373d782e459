package io.github.twitterlogin.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.scribejava.core.model.OAuthRequest;
import io.github.twitterlogin.client.oauth.AuthorizationHeader;
import io.github.twitterlogin.client.oauth.OAuthSigner;
import io.github.twitterlogin.client.oauth.Parameter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The two benchmarks sign the same request: with the page's nonce and time, both give its signature. */
class TwitterExampleTest {

  @Test
  void oursGivesThePagesSignature() {
    OAuthSigner signer = OAuthSigner.hmacSha1(TwitterExample.CONSUMER,
        Clock.fixed(Instant.ofEpochSecond(TwitterExample.TIMESTAMP), ZoneOffset.UTC), () -> TwitterExample.NONCE);
    String header = signer.authorizationHeader(TwitterExample.unsignedRequest());
    assertThat(parameters(header)).containsEntry("oauth_signature", TwitterExample.SIGNATURE);
  }

  @Test
  void scribeJavaGivesThePagesSignature() {
    OAuthRequest request = TwitterExample.scribeJavaRequest();
    TwitterExample.scribeJavaServiceWithTheExamplesNonce().signRequest(TwitterExample.scribeJavaToken(), request);
    assertThat(parameters(request.getHeaders().get("Authorization")))
        .containsEntry("oauth_signature", TwitterExample.SIGNATURE);
  }

  @Test
  void theBenchmarkedSignersGiveCompleteHeaders() {
    SignerBenchmark benchmark = new SignerBenchmark();
    benchmark.createSigners();
    for (String header : List.of(benchmark.ours(), benchmark.oursSigningAPrebuiltRequest(), benchmark.scribeJava())) {
      assertThat(parameters(header)).containsKeys("oauth_consumer_key", "oauth_nonce", "oauth_signature",
          "oauth_signature_method", "oauth_timestamp", "oauth_token", "oauth_version");
    }
    assertThat(parameters(benchmark.ours()).get("oauth_nonce")).isNotEqualTo(parameters(benchmark.ours()).get("oauth_nonce"));
  }

  private static Map<String, String> parameters(String header) {
    return AuthorizationHeader.parse(header).stream().collect(Collectors.toMap(Parameter::name, Parameter::value));
  }
}
