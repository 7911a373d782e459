package io.github.twitterlogin.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.twitterlogin.client.oauth.Parameter;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The sandbox's signature check accepts the published examples, byte for byte, and nothing else. */
class SignatureVectorsTest {

  private static final String TWITTER_HEADER = "OAuth oauth_consumer_key=\"xvz1evFS4wEEPTGEFPHBog\", "
      + "oauth_nonce=\"kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg\", "
      + "oauth_signature=\"%s\", oauth_signature_method=\"HMAC-SHA1\", oauth_timestamp=\"1318622958\", "
      + "oauth_token=\"370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb\", oauth_version=\"1.0\"";

  @Test
  void acceptsTwittersCreatingASignatureExample() {
    assertThat(twitterExample("hCtSmYh%2BiHYCEqBWrE7C7hYmtUk%3D").token())
        .isEqualTo("370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb");
  }

  @Test
  void refusesTwittersExampleWithOneCharacterChanged() {
    assertThatThrownBy(() -> twitterExample("hCtSmYh%2BiHYCEqBWrE7C7hYmtUK%3D"))
        .isInstanceOfSatisfying(TwitterError.class, error -> assertThat(error.code()).isEqualTo(32));
  }

  @Test
  void acceptsRfc5849InitiateExample() {
    String header = "OAuth realm=\"Photos\", oauth_consumer_key=\"dpf43f3p2l4k3l03\", "
        + "oauth_signature_method=\"HMAC-SHA1\", oauth_timestamp=\"137131200\", oauth_nonce=\"wIjqoS\", "
        + "oauth_callback=\"http%3A%2F%2Fprinter.example.com%2Fready\", "
        + "oauth_signature=\"74KNZJeDHnMBp0EMJ9ZHt%2FXKycU%3D\"";

    assertThat(rfcVerifier(137131200L).verify(request("POST", "https://photos.example.net/initiate", header),
        TokenSecrets.NONE).protocol()).containsEntry("oauth_callback", "http://printer.example.com/ready");
  }

  @Test
  void acceptsRfc5849TokenExample() {
    String header = "OAuth realm=\"Photos\", oauth_consumer_key=\"dpf43f3p2l4k3l03\", "
        + "oauth_token=\"hh5s93j4hdidpola\", oauth_signature_method=\"HMAC-SHA1\", "
        + "oauth_timestamp=\"137131201\", oauth_nonce=\"walatlh\", oauth_verifier=\"hfdp7dh39dks9884\", "
        + "oauth_signature=\"gKgrFCywp7rO0OXSjdot%2FIHF7IU%3D\"";

    assertThat(rfcVerifier(137131201L).verify(request("POST", "https://photos.example.net/token", header),
        secrets("hh5s93j4hdidpola", "hdhd0244k9j7ao03")).token()).isEqualTo("hh5s93j4hdidpola");
  }

  @Test
  void acceptsRfc5849PhotosExample() {
    String header = "OAuth realm=\"Photos\", oauth_consumer_key=\"dpf43f3p2l4k3l03\", "
        + "oauth_token=\"nnch734d00sl2jdk\", oauth_signature_method=\"HMAC-SHA1\", "
        + "oauth_timestamp=\"137131202\", oauth_nonce=\"chapoH\", "
        + "oauth_signature=\"MdpQcU8iPSUjWoN%2FUDMsK2sui9I%3D\"";

    assertThat(rfcVerifier(137131202L).verify(
        request("GET", "http://photos.example.net/photos?file=vacation.jpg&size=original", header),
        secrets("nnch734d00sl2jdk", "pfkkdhi9sl3r4s00")).token()).isEqualTo("nnch734d00sl2jdk");
  }

  @Test
  void refusesRfc5849PhotosExampleWithAnotherQuery() {
    String header = "OAuth oauth_consumer_key=\"dpf43f3p2l4k3l03\", oauth_token=\"nnch734d00sl2jdk\", "
        + "oauth_signature_method=\"HMAC-SHA1\", oauth_timestamp=\"137131202\", oauth_nonce=\"chapoH\", "
        + "oauth_signature=\"MdpQcU8iPSUjWoN%2FUDMsK2sui9I%3D\"";

    assertThatThrownBy(() -> rfcVerifier(137131202L).verify(
        request("GET", "http://photos.example.net/photos?file=vacation.jpg&size=small", header),
        secrets("nnch734d00sl2jdk", "pfkkdhi9sl3r4s00")))
        .isInstanceOfSatisfying(TwitterError.class, error -> assertThat(error.code()).isEqualTo(32));
  }

  private static SignedRequestVerifier.Verified twitterExample(String encodedSignature) {
    SignedRequest request = new SignedRequest("POST",
        URI.create("https://api.twitter.com/1.1/statuses/update.json?include_entities=true"),
        List.of(new Parameter("status", "Hello Ladies + Gentlemen, a signed OAuth request!")),
        TWITTER_HEADER.formatted(encodedSignature));
    return verifier("xvz1evFS4wEEPTGEFPHBog", "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw", 1318622958L)
        .verify(request, secrets("370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb",
            "LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE"));
  }

  private static SignedRequestVerifier rfcVerifier(long now) {
    return verifier("dpf43f3p2l4k3l03", "kd94hf93k423kf44", now);
  }

  private static SignedRequestVerifier verifier(String key, String secret, long now) {
    Clock clock = Clock.fixed(Instant.ofEpochSecond(now), ZoneOffset.UTC);
    SandboxSettings settings = SandboxSettings.fromJson(new JsonObject().put("consumers",
        new JsonArray().add(new JsonObject().put("key", key).put("secret", secret))));
    return new SignedRequestVerifier(settings, clock, new NonceMemory(clock, settings.allowedClockSkew(), 100));
  }

  private static SignedRequest request(String method, String url, String header) {
    return new SignedRequest(method, URI.create(url), List.of(), header);
  }

  private static TokenSecrets secrets(String token, String secret) {
    Map<String, String> known = Map.of(token, secret);
    return (consumer, candidate) -> Optional.ofNullable(known.get(candidate));
  }
}
