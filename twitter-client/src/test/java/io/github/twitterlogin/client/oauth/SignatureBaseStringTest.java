package io.github.twitterlogin.client.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the published vectors leave out. */
class SignatureBaseStringTest {

  /** A method is an ASCII token (RFC 9110 section 9.1); any other text is kept whole, not cut to bytes. */
  @Test
  void aMethodOutsideAsciiIsKeptAsGiven() {
    assertThat(SignatureBaseString.create("ğş", URI.create("http://example.com/"), List.of(), List.of()))
        .isEqualTo("ĞŞ&http%3A%2F%2Fexample.com%2F&");
  }

  @Test
  void anEmptyPathIsASlashAndTheDefaultHttpsPortIsDropped() {
    assertThat(SignatureBaseString.baseStringUri(URI.create("https://Example.com:443")))
        .isEqualTo("https://example.com/");
    assertThat(SignatureBaseString.baseStringUri(URI.create("http://example.com:443/")))
        .isEqualTo("http://example.com:443/");
  }

  @Test
  void normalizedParametersAreJoinedByAmpersandsInEncodedOrder() {
    assertThat(SignatureBaseString.normalizedParameters(List.of(
        new Parameter("b", "2"), new Parameter("a", "x y"), new Parameter("a", "x"))))
        .isEqualTo("a=x&a=x%20y&b=2");
  }
}
