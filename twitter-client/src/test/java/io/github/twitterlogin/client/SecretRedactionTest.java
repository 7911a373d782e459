package io.github.twitterlogin.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** A failure text loses each secret of the call, as it is and percent-encoded, and keeps the rest. */
class SecretRedactionTest {

  @Test
  void eachSecretIsHiddenRawAndPercentEncoded() {
    SecretRedaction redaction = new SecretRedaction(Arrays.asList("s/1+2", null, "", "verifier"));

    assertThat(redaction.apply("echo s/1+2 and s%2F1%2B2 for verifier, keep the rest"))
        .isEqualTo("echo (hidden) and (hidden) for (hidden), keep the rest");
  }

  @Test
  void noTextStaysNoText() {
    assertThat(new SecretRedaction(Arrays.asList("secret")).apply(null)).isNull();
  }
}
