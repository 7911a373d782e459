package io.github.twitterlogin.client.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The encoder's short cuts (a value that needs no escape is returned as it is, ASCII is escaped
 * without a byte array) against the plain byte-by-byte algorithm it replaced, on random text that
 * mixes unreserved, reserved and non-ASCII characters, lone surrogates included.
 */
class PercentEncodingTest {

  private static final int STRINGS = 20_000;
  private static final String PIECES = "aZ09-._~ !*'()%+&=/?#[]@$,;:\"<>\\^`{|}é中\u00a0\u0000\u007f";
  private static final String[] EXTRA = {"😀", "👍🏽", "\ud83d", "\ude00", "%2", "%zz", "%41", "+"};

  @Test
  void encodesAsTheByteByByteAlgorithm() {
    Random random = new Random(5849);
    for (int i = 0; i < STRINGS; i++) {
      String value = randomText(random);
      assertThat(PercentEncoding.encode(value)).as(value).isEqualTo(referenceEncode(value));
    }
  }

  @Test
  void decodesAsTheByteByByteAlgorithm() {
    Random random = new Random(3986);
    for (int i = 0; i < STRINGS; i++) {
      String value = randomText(random);
      for (boolean plusIsSpace : new boolean[] {true, false}) {
        String expected;
        try {
          expected = referenceDecode(value, plusIsSpace);
        } catch (IllegalArgumentException malformed) {
          assertThatIllegalArgumentException().as(value).isThrownBy(() -> PercentEncoding.decode(value, plusIsSpace));
          continue;
        }
        assertThat(PercentEncoding.decode(value, plusIsSpace)).as(value).isEqualTo(expected);
      }
    }
  }

  @Test
  void unreservedTextIsItsOwnEncodingAndDecoding() {
    String unreserved = "370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb_~.";
    assertThat(PercentEncoding.encode(unreserved)).isSameAs(unreserved);
    assertThat(PercentEncoding.decode(unreserved, true)).isSameAs(unreserved);
  }

  @Test
  void loneSurrogateIsEncodedAsAQuestionMarkAsStringGetBytesDoes() {
    assertThat(PercentEncoding.encode("a\ud83d")).isEqualTo("a%3F");
    assertThat(PercentEncoding.decode("a\ud83d", false)).isEqualTo("a?");
  }

  /** U+0080 is the first char that is not ASCII: its UTF-8 bytes are escaped, not the char. */
  @Test
  void theFirstCharAfterAsciiIsEncodedAsItsUtf8Bytes() {
    assertThat(PercentEncoding.encode("\u007f\u0080")).isEqualTo("%7F%C2%80");
    assertThat(PercentEncoding.decode("%7F\u007f\u0080", false)).isEqualTo("\u007f\u007f\u0080");
  }

  private static String randomText(Random random) {
    StringBuilder text = new StringBuilder();
    int length = random.nextInt(12);
    for (int i = 0; i < length; i++) {
      if (random.nextInt(8) == 0) {
        text.append(EXTRA[random.nextInt(EXTRA.length)]);
      } else {
        text.append(PIECES.charAt(random.nextInt(PIECES.length())));
      }
    }
    return text.toString();
  }

  /** The encoder as it was: UTF-8 bytes, each outside the unreserved set as %XX. */
  private static String referenceEncode(String value) {
    StringBuilder encoded = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      boolean unreserved = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
          || c == '-' || c == '.' || c == '_' || c == '~';
      encoded.append(unreserved ? String.valueOf((char) c) : String.format("%%%02X", c));
    }
    return encoded.toString();
  }

  /** The decoder as it was: every char through its own UTF-8 bytes. */
  private static String referenceDecode(String value, boolean plusIsSpace) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '%') {
        if (i + 2 >= value.length()) {
          throw new IllegalArgumentException("Incomplete percent escape");
        }
        int high = Character.digit(value.charAt(i + 1), 16);
        int low = Character.digit(value.charAt(i + 2), 16);
        if (high < 0 || low < 0) {
          throw new IllegalArgumentException("Malformed percent escape");
        }
        bytes.write(high << 4 | low);
        i += 2;
      } else if (c == '+' && plusIsSpace) {
        bytes.write(' ');
      } else {
        byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        if (Character.isHighSurrogate(c) && i + 1 < value.length()) {
          utf8 = value.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
          i++;
        }
        bytes.writeBytes(utf8);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
