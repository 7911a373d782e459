package io.github.twitterlogin.client.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The signer as the Twitter client builds it, with the system clock and secure nonces. */
class OAuthSignerTest {

  private static final ConsumerCredentials CONSUMER = new ConsumerCredentials("key", "the-consumer-secret");

  @Test
  void theDefaultSignerSendsAFreshNonceEachTimeAndTheVersion() {
    OAuthSigner signer = OAuthSigner.hmacSha1(CONSUMER);
    UnsignedRequest request = UnsignedRequest.of("POST", URI.create("https://api.x.com/oauth/request_token"), null);

    List<Parameter> first = AuthorizationHeader.parse(signer.authorizationHeader(request));
    List<Parameter> second = AuthorizationHeader.parse(signer.authorizationHeader(request));

    assertThat(value(first, "oauth_nonce")).matches("[0-9a-f]{40}").isNotEqualTo(value(second, "oauth_nonce"));
    assertThat(value(first, "oauth_version")).isEqualTo("1.0");
    assertThat(value(first, "oauth_consumer_key")).isEqualTo("key");
    assertThat(value(first, "oauth_timestamp")).matches("[1-9][0-9]{9,}");
  }

  @Test
  void consumerCredentialsShowTheKeyAndNeverTheSecret() {
    assertThat(CONSUMER.toString()).isEqualTo("ConsumerCredentials[key=key, secret=(hidden)]");
  }

  private static String value(List<Parameter> parameters, String name) {
    return parameters.stream().filter(p -> p.name().equals(name)).map(Parameter::value).findFirst().orElseThrow();
  }
}
