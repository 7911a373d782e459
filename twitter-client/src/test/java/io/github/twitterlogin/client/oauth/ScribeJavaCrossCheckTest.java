package io.github.twitterlogin.client.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.scribejava.core.model.OAuthRequest;
import com.github.scribejava.core.model.ParameterList;
import com.github.scribejava.core.model.Verb;
import com.github.scribejava.core.utils.OAuthEncoder;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The signer against ScribeJava 8.3.3 on random requests. Where the two disagree, RFC 5849 sides
 * with the signer, and each such place is pinned below on both sides: what the RFC asks of us, and
 * what ScribeJava does instead.
 */
class ScribeJavaCrossCheckTest {

  private static final int REQUESTS = 1_000;
  /** Draws the same requests again: {@code mvn -pl twitter-client install -Dtwitterlogin.crossCheckSeed=...}. */
  private static final String SEED_PROPERTY = "twitterlogin.crossCheckSeed";
  private static final Pattern HEADER_PAIR = Pattern.compile("([^\\s=,]+)=\"([^\"]*)\"");

  @Test
  void randomRequestsAreSignedAsScribeJavaSignsThem() {
    long seed = Long.getLong(SEED_PROPERTY, new Random().nextLong());
    RandomRequests requests = new RandomRequests(new Random(seed));
    Tally tally = new Tally();
    for (int i = 0; i < REQUESTS; i++) {
      RandomRequests.Request request = requests.next();
      String context = "request #" + i + " of seed " + seed + " (-D" + SEED_PROPERTY + "=" + seed + "): " + request;
      compareWithScribeJava(request, context, tally);
    }
    String summary = "seed " + seed + ": " + tally;
    assertThat(tally.comparedAsShipped).as(summary).isGreaterThanOrEqualTo(REQUESTS / 3);
    assertThat(tally.hostCase).as(summary).isPositive();
    assertThat(tally.sortOrder).as(summary).isPositive();
  }

  /**
   * Every request must match ScribeJava with its deviations corrected; a request that triggers
   * none of them must match ScribeJava as shipped, and one that does must differ from it.
   */
  private static void compareWithScribeJava(RandomRequests.Request request, String context, Tally tally) {
    List<String[]> header = headerPairs(signer(request).authorizationHeader(unsignedRequest(request)));
    OAuthRequest scribeJava = scribeJavaRequest(request);
    assertThat(header.stream().filter(pair -> !pair[0].equals("oauth_signature")).map(pair -> pair[0] + "=" + pair[1]))
        .as(context).containsExactlyInAnyOrderElementsOf(scribeJava.getOauthParameters().entrySet().stream()
            .map(entry -> entry.getKey() + "=" + entry.getValue()).toList());
    String ours = header.stream().filter(pair -> pair[0].equals("oauth_signature")).findFirst().orElseThrow()[1];
    String tokenSecret = request.token() == null ? null : request.token().tokenSecret();
    String consumerSecret = request.consumer().secret();
    String corrected =
        ScribeJavaReference.signature(ScribeJavaReference.RFC_5849, scribeJava, consumerSecret, tokenSecret);
    String asShipped =
        ScribeJavaReference.signature(ScribeJavaReference.AS_SHIPPED, scribeJava, consumerSecret, tokenSecret);

    assertThat(ours).as(context).isEqualTo(corrected);
    boolean hostCase = !request.origin().equals(request.origin().toLowerCase(Locale.ROOT));
    boolean sortOrder = ScribeJavaReference.sortsUnlikeRfc5849(scribeJava);
    if (hostCase || sortOrder) {
      assertThat(asShipped).as(context + " should show ScribeJava's deviation").isNotEqualTo(ours);
    } else {
      assertThat(ours).as(context).isEqualTo(asShipped);
    }
    tally.count(hostCase, sortOrder);
  }

  @Test
  void normalizedParametersAreSortedByTheirEncodedBytes() {
    // RFC 5849 section 3.4.1.3.2: names and values are encoded first, then sorted by byte value.
    assertThat(SignatureBaseString.normalizedParameters(unsortedParameters()))
        .isEqualTo("%3D=3&%C3%A9=2&%EF%BD%A1=6&%F0%9F%98%80=5&a=4&z=1");
  }

  @Test
  void scribeJavaSortsTheDecodedTextInstead() {
    ParameterList scribeJava = new ParameterList();
    unsortedParameters().forEach(parameter -> scribeJava.add(parameter.name(), parameter.value()));
    assertThat(scribeJava.sort().asFormUrlEncodedString())
        .isEqualTo("%3D=3&a=4&z=1&%C3%A9=2&%F0%9F%98%80=5&%EF%BD%A1=6");
  }

  @Test
  void upperCaseHostIsSignedAsItsLowerCase() {
    // RFC 5849 section 3.4.1.2: "The scheme and host MUST be in lowercase."
    OAuthSigner signer = OAuthSigner.hmacSha1(new ConsumerCredentials("key", "secret"),
        Clock.fixed(Instant.ofEpochSecond(1_318_622_958L), ZoneOffset.UTC), () -> "nonce");
    String upper = signer.authorizationHeader(
        UnsignedRequest.of("GET", URI.create("https://API.Twitter.COM/1.1/x.json"), null));
    String lower = signer.authorizationHeader(
        UnsignedRequest.of("GET", URI.create("https://api.twitter.com/1.1/x.json"), null));
    assertThat(upper).isEqualTo(lower);
  }

  @Test
  void scribeJavaKeepsTheHostsCase() {
    assertThat(new OAuthRequest(Verb.GET, "https://API.Twitter.COM/1.1/x.json").getSanitizedUrl())
        .isEqualTo("https://API.Twitter.COM/1.1/x.json");
  }

  @Test
  void pathKeepsAColonFollowedByDigits() {
    // RFC 5849 section 3.4.1.2 drops the default port of the authority only; the path stays as sent.
    assertThat(SignatureBaseString.baseStringUri(URI.create("http://example.com/a:80/b")))
        .isEqualTo("http://example.com/a:80/b");
  }

  @Test
  void scribeJavaDropsColon80FromThePath() {
    assertThat(new OAuthRequest(Verb.GET, "http://example.com/a:80/b").getSanitizedUrl())
        .isEqualTo("http://example.com/a/b");
  }

  private static List<Parameter> unsortedParameters() {
    return List.of(new Parameter("z", "1"), new Parameter("é", "2"), new Parameter("=", "3"),
        new Parameter("a", "4"), new Parameter("😀", "5"), new Parameter("｡", "6"));
  }

  private static OAuthSigner signer(RandomRequests.Request request) {
    Clock clock = Clock.fixed(Instant.ofEpochSecond(request.timestamp()), ZoneOffset.UTC);
    return OAuthSigner.hmacSha1(request.consumer(), clock, request::nonce, request.sendVersion());
  }

  private static UnsignedRequest unsignedRequest(RandomRequests.Request request) {
    String query = request.query().isEmpty() ? "" : "?" + Parameter.formatForm(request.query());
    return new UnsignedRequest(request.method(), URI.create(request.urlWithoutQuery() + query),
        request.form(), request.token(), request.extraProtocolParameters());
  }

  /** The same request for ScribeJava, built from its parts, not from anything the signer produced. */
  private static OAuthRequest scribeJavaRequest(RandomRequests.Request request) {
    OAuthRequest scribeJava = new OAuthRequest(Verb.valueOf(request.method()), request.urlWithoutQuery());
    request.query().forEach(parameter -> scribeJava.addQuerystringParameter(parameter.name(), parameter.value()));
    request.form().forEach(parameter -> scribeJava.addBodyParameter(parameter.name(), parameter.value()));
    scribeJava.addOAuthParameter("oauth_consumer_key", request.consumer().key());
    scribeJava.addOAuthParameter("oauth_nonce", request.nonce());
    scribeJava.addOAuthParameter("oauth_signature_method", "HMAC-SHA1");
    scribeJava.addOAuthParameter("oauth_timestamp", Long.toString(request.timestamp()));
    if (request.token() != null) {
      scribeJava.addOAuthParameter("oauth_token", request.token().token());
    }
    if (request.sendVersion()) {
      scribeJava.addOAuthParameter("oauth_version", "1.0");
    }
    request.extraProtocolParameters()
        .forEach(parameter -> scribeJava.addOAuthParameter(parameter.name(), parameter.value()));
    return scribeJava;
  }

  /** The header's pairs, decoded by ScribeJava rather than by {@link AuthorizationHeader#parse}. */
  private static List<String[]> headerPairs(String header) {
    assertThat(header).startsWith("OAuth ");
    List<String[]> pairs = new ArrayList<>();
    Matcher matcher = HEADER_PAIR.matcher(header.substring("OAuth ".length()));
    while (matcher.find()) {
      pairs.add(new String[] {OAuthEncoder.decode(matcher.group(1)), OAuthEncoder.decode(matcher.group(2))});
    }
    return pairs;
  }

  private static final class Tally {
    int comparedAsShipped;
    int hostCase;
    int sortOrder;

    void count(boolean hostCaseDeviation, boolean sortOrderDeviation) {
      comparedAsShipped += hostCaseDeviation || sortOrderDeviation ? 0 : 1;
      hostCase += hostCaseDeviation ? 1 : 0;
      sortOrder += sortOrderDeviation ? 1 : 0;
    }

    @Override
    public String toString() {
      return comparedAsShipped + " requests compared with ScribeJava as shipped, " + hostCase
          + " with an upper-case host and " + sortOrder + " sorted differently by ScribeJava";
    }
  }
}
