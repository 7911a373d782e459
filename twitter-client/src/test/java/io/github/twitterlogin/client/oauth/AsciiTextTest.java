package io.github.twitterlogin.client.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The signer sizes its text up front, so in the signer the text never grows: each append must
 * still make room for itself, for a caller that sized it short.
 */
class AsciiTextTest {

  private static final int LONGER_THAN_ANY_START = 100;

  @Test
  void appendingCharsGrowsTheText() {
    AsciiText text = new AsciiText(0);
    for (int i = 0; i < LONGER_THAN_ANY_START; i++) {
      text.append('a');
    }
    assertThat(text.toString()).isEqualTo("a".repeat(LONGER_THAN_ANY_START));
  }

  @Test
  void appendingTextGrowsTheText() {
    assertThat(new AsciiText(0).append("b".repeat(LONGER_THAN_ANY_START)).append("c").toString())
        .isEqualTo("b".repeat(LONGER_THAN_ANY_START) + "c");
  }

  @Test
  void appendingEncodedTextAgainGrowsTheText() {
    assertThat(new AsciiText(0).appendEncodedAgain("%20".repeat(LONGER_THAN_ANY_START)).toString())
        .isEqualTo("%2520".repeat(LONGER_THAN_ANY_START));
  }

  @Test
  void aTextFilledToItsCapacityTakesOneMoreChar() {
    AsciiText text = new AsciiText(16).append("0123456789abcdef");

    assertThat(text.append('g').toString()).isEqualTo("0123456789abcdefg");
  }
}
