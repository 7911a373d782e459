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

/**
 * The sandbox's signature check accepts the published examples, byte for byte, and refuses each
 * once one character of its signature changes: Twitter's "Creating a signature" and the three
 * requests of RFC 5849 section 1.2, fed to the verifier as they were sent (their own hosts, their
 * own timestamps, the clock fixed there).
 */
class SignatureVectorsTest {

  private static final String TWITTER_SIGNATURE = "hCtSmYh%2BiHYCEqBWrE7C7hYmtUk%3D";
  private static final String INITIATE_SIGNATURE = "74KNZJeDHnMBp0EMJ9ZHt%2FXKycU%3D";
  private static final String TOKEN_SIGNATURE = "gKgrFCywp7rO0OXSjdot%2FIHF7IU%3D";
  private static final String PHOTOS_SIGNATURE = "MdpQcU8iPSUjWoN%2FUDMsK2sui9I%3D";

  @Test
  void acceptsTwittersCreatingASignatureExample() {
    assertThat(twitterExample(TWITTER_SIGNATURE).token()).isEqualTo("370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb");
  }

  @Test
  void refusesTwittersExampleWithOneCharacterChanged() {
    assertRefused(() -> twitterExample(oneCharacterChanged(TWITTER_SIGNATURE)));
  }

  @Test
  void acceptsRfc5849InitiateExample() {
    assertThat(initiateExample(INITIATE_SIGNATURE).protocol())
        .containsEntry("oauth_callback", "http://printer.example.com/ready");
  }

  @Test
  void refusesRfc5849InitiateExampleWithOneCharacterChanged() {
    assertRefused(() -> initiateExample(oneCharacterChanged(INITIATE_SIGNATURE)));
  }

  @Test
  void acceptsRfc5849TokenExample() {
    assertThat(tokenExample(TOKEN_SIGNATURE).protocol()).containsEntry("oauth_verifier", "hfdp7dh39dks9884");
  }

  @Test
  void refusesRfc5849TokenExampleWithOneCharacterChanged() {
    assertRefused(() -> tokenExample(oneCharacterChanged(TOKEN_SIGNATURE)));
  }

  @Test
  void acceptsRfc5849PhotosExample() {
    assertThat(photosExample("file=vacation.jpg&size=original", PHOTOS_SIGNATURE).token()).isEqualTo("nnch734d00sl2jdk");
  }

  @Test
  void refusesRfc5849PhotosExampleWithOneCharacterChanged() {
    assertRefused(() -> photosExample("file=vacation.jpg&size=original", oneCharacterChanged(PHOTOS_SIGNATURE)));
  }

  @Test
  void refusesRfc5849PhotosExampleWithAnotherQuery() {
    assertRefused(() -> photosExample("file=vacation.jpg&size=small", PHOTOS_SIGNATURE));
  }

  private static SignedRequestVerifier.Verified twitterExample(String signature) {
    String header = "OAuth oauth_consumer_key=\"xvz1evFS4wEEPTGEFPHBog\", "
        + "oauth_nonce=\"kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg\", "
        + "oauth_signature=\"" + signature + "\", oauth_signature_method=\"HMAC-SHA1\", oauth_timestamp=\"1318622958\", "
        + "oauth_token=\"370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb\", oauth_version=\"1.0\"";
    SignedRequest request = new SignedRequest("POST",
        URI.create("https://api.twitter.com/1.1/statuses/update.json?include_entities=true"),
        List.of(new Parameter("status", "Hello Ladies + Gentlemen, a signed OAuth request!")), header);
    return verifier("xvz1evFS4wEEPTGEFPHBog", "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw", 1318622958L)
        .verify(request, secrets("370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb",
            "LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE"));
  }

  private static SignedRequestVerifier.Verified initiateExample(String signature) {
    String header = "OAuth realm=\"Photos\", oauth_consumer_key=\"dpf43f3p2l4k3l03\", "
        + "oauth_signature_method=\"HMAC-SHA1\", oauth_timestamp=\"137131200\", oauth_nonce=\"wIjqoS\", "
        + "oauth_callback=\"http%3A%2F%2Fprinter.example.com%2Fready\", oauth_signature=\"" + signature + "\"";
    return rfcVerifier(137131200L).verify(request("POST", "https://photos.example.net/initiate", header),
        TokenSecrets.NONE);
  }

  private static SignedRequestVerifier.Verified tokenExample(String signature) {
    String header = "OAuth realm=\"Photos\", oauth_consumer_key=\"dpf43f3p2l4k3l03\", "
        + "oauth_token=\"hh5s93j4hdidpola\", oauth_signature_method=\"HMAC-SHA1\", "
        + "oauth_timestamp=\"137131201\", oauth_nonce=\"walatlh\", oauth_verifier=\"hfdp7dh39dks9884\", "
        + "oauth_signature=\"" + signature + "\"";
    return rfcVerifier(137131201L).verify(request("POST", "https://photos.example.net/token", header),
        secrets("hh5s93j4hdidpola", "hdhd0244k9j7ao03"));
  }

  private static SignedRequestVerifier.Verified photosExample(String query, String signature) {
    String header = "OAuth realm=\"Photos\", oauth_consumer_key=\"dpf43f3p2l4k3l03\", "
        + "oauth_token=\"nnch734d00sl2jdk\", oauth_signature_method=\"HMAC-SHA1\", "
        + "oauth_timestamp=\"137131202\", oauth_nonce=\"chapoH\", oauth_signature=\"" + signature + "\"";
    return rfcVerifier(137131202L).verify(request("GET", "http://photos.example.net/photos?" + query, header),
        secrets("nnch734d00sl2jdk", "pfkkdhi9sl3r4s00"));
  }

  /** The first letter's case swapped: still Base64 of the same length, the MAC different. */
  private static String oneCharacterChanged(String encodedSignature) {
    int at = 0;
    while (!Character.isLetter(encodedSignature.charAt(at))) {
      at++;
    }
    char letter = encodedSignature.charAt(at);
    char swapped = Character.isUpperCase(letter) ? Character.toLowerCase(letter) : Character.toUpperCase(letter);
    String changed = encodedSignature.substring(0, at) + swapped + encodedSignature.substring(at + 1);
    assertThat(changed).isNotEqualTo(encodedSignature);
    return changed;
  }

  private static void assertRefused(Runnable verification) {
    assertThatThrownBy(verification::run)
        .isInstanceOfSatisfying(TwitterError.class, error -> {
          assertThat(error.status()).isEqualTo(401);
          assertThat(error.code()).isEqualTo(32);
        });
  }

  private static SignedRequestVerifier rfcVerifier(long now) {
    return verifier("dpf43f3p2l4k3l03", "kd94hf93k423kf44", now);
  }

  private static SignedRequestVerifier verifier(String key, String secret, long now) {
    Clock clock = Clock.fixed(Instant.ofEpochSecond(now), ZoneOffset.UTC);
    SandboxSettings settings = SandboxSettings.fromJson(new JsonObject().put("consumers",
        new JsonArray().add(new JsonObject().put("key", key).put("secret", secret)
            .put("callbackUrls", "http://printer.example.com/ready"))));
    return new SignedRequestVerifier(settings, clock, NonceMemory.forClockSkew(clock, settings.allowedClockSkew(), 100));
  }

  private static SignedRequest request(String method, String url, String header) {
    return new SignedRequest(method, URI.create(url), List.of(), header);
  }

  private static TokenSecrets secrets(String token, String secret) {
    Map<String, String> known = Map.of(token, secret);
    return (consumer, candidate) -> Optional.ofNullable(known.get(candidate));
  }
}
