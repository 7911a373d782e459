package io.github.twitterlogin.client.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.twitterlogin.shared.TokenCredentials;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Published examples that the signer must reproduce exactly. */
class SignatureVectorsTest {

  private static final ConsumerCredentials TWITTER_CONSUMER =
      new ConsumerCredentials("xvz1evFS4wEEPTGEFPHBog", "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw");
  private static final TokenCredentials TWITTER_TOKEN = new TokenCredentials(
      "370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb", "LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE");
  private static final ConsumerCredentials RFC_CONSUMER =
      new ConsumerCredentials("dpf43f3p2l4k3l03", "kd94hf93k423kf44");

  @Test
  void twitterCreatingASignatureExampleOnApi11() {
    assertThat(signatureOf(twitterUpdate("https://api.twitter.com/1.1/statuses/update.json")))
        .isEqualTo("hCtSmYh+iHYCEqBWrE7C7hYmtUk=");
  }

  @Test
  void twitterCreatingASignatureExampleOnApi1() {
    assertThat(signatureOf(twitterUpdate("https://api.twitter.com/1/statuses/update.json")))
        .isEqualTo("tnnArxj06cWHq44gCs1OSKk/jLY=");
  }

  @Test
  void rfc5849InitiateExample() {
    UnsignedRequest initiate = new UnsignedRequest("POST", URI.create("https://photos.example.net/initiate"),
        List.of(), null, List.of(new Parameter("oauth_callback", "http://printer.example.com/ready")));
    String header = signer(RFC_CONSUMER, "wIjqoS", 137131200L, false).authorizationHeader(initiate);
    assertThat(parameter(header, "oauth_signature")).isEqualTo("74KNZJeDHnMBp0EMJ9ZHt/XKycU=");
  }

  @Test
  void rfc5849TokenExample() {
    UnsignedRequest token = new UnsignedRequest("POST", URI.create("https://photos.example.net/token"),
        List.of(), new TokenCredentials("hh5s93j4hdidpola", "hdhd0244k9j7ao03"),
        List.of(new Parameter("oauth_verifier", "hfdp7dh39dks9884")));
    String header = signer(RFC_CONSUMER, "walatlh", 137131201L, false).authorizationHeader(token);
    assertThat(parameter(header, "oauth_signature")).isEqualTo("gKgrFCywp7rO0OXSjdot/IHF7IU=");
  }

  @Test
  void rfc5849PhotosExampleOverHttp() {
    UnsignedRequest photos = UnsignedRequest.of("GET",
        URI.create("http://photos.example.net/photos?file=vacation.jpg&size=original"),
        new TokenCredentials("nnch734d00sl2jdk", "pfkkdhi9sl3r4s00"));
    String header = signer(RFC_CONSUMER, "chapoH", 137131202L, false).authorizationHeader(photos);
    assertThat(parameter(header, "oauth_signature")).isEqualTo("MdpQcU8iPSUjWoN/UDMsK2sui9I=");
  }

  @Test
  void rfc5849Section3411BaseString() {
    List<Parameter> protocol = List.of(
        new Parameter("oauth_consumer_key", "9djdj82h48djs9d2"),
        new Parameter("oauth_token", "kkk9d7dh3k39sjv7"),
        new Parameter("oauth_signature_method", "HMAC-SHA1"),
        new Parameter("oauth_timestamp", "137131201"),
        new Parameter("oauth_nonce", "7d8f3e4a"));
    String baseString = SignatureBaseString.create("POST",
        URI.create("http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b"),
        Parameter.parseForm("c2&a3=2+q"), protocol);
    assertThat(baseString).isEqualTo("POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q"
        + "%26a3%3Da%26b5%3D%253D%25253D%26c%2540%3D%26c2%3D%26oauth_consumer_key%3D9djdj82h48djs9d2%26o"
        + "auth_nonce%3D7d8f3e4a%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131201%26oau"
        + "th_token%3Dkkk9d7dh3k39sjv7");
  }

  @Test
  void rfc5849Section3412DropsDefaultPortAndLowerCasesHost() {
    assertThat(SignatureBaseString.baseStringUri(URI.create("http://EXAMPLE.COM:80/r%20v/X?id=123")))
        .isEqualTo("http://example.com/r%20v/X");
  }

  @Test
  void rfc5849Section3412KeepsOtherPorts() {
    assertThat(SignatureBaseString.baseStringUri(URI.create("https://www.example.net:8080/?q=1")))
        .isEqualTo("https://www.example.net:8080/");
  }

  private static UnsignedRequest twitterUpdate(String url) {
    return new UnsignedRequest("POST", URI.create(url + "?include_entities=true"),
        List.of(new Parameter("status", "Hello Ladies + Gentlemen, a signed OAuth request!")),
        TWITTER_TOKEN, List.of());
  }

  private static String signatureOf(UnsignedRequest request) {
    String header = signer(TWITTER_CONSUMER, "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg", 1318622958L, true)
        .authorizationHeader(request);
    return parameter(header, "oauth_signature");
  }

  /** The RFC's examples leave out the optional oauth_version; Twitter's example carries it. */
  private static OAuthSigner signer(ConsumerCredentials consumer, String nonce, long timestamp, boolean version) {
    Clock clock = Clock.fixed(Instant.ofEpochSecond(timestamp), ZoneOffset.UTC);
    return OAuthSigner.hmacSha1(consumer, clock, () -> nonce, version);
  }

  private static String parameter(String header, String name) {
    return AuthorizationHeader.parse(header).stream()
        .filter(p -> p.name().equals(name)).map(Parameter::value).findFirst().orElseThrow();
  }
}
