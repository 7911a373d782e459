package io.github.twitterlogin.client.oauth;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * RFC 5849 section 3.6: UTF-8, then every byte outside the unreserved set
 * {@code ALPHA / DIGIT / "-" / "." / "_" / "~"} as {@code %XX} with upper-case hex. Unlike
 * {@link java.net.URLEncoder}, a space is {@code %20} and {@code *} is encoded.
 */
public final class PercentEncoding {

  private PercentEncoding() {
  }

  /** A value of unreserved characters only, as most OAuth values are, is its own encoding. */
  public static String encode(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (!AsciiText.isUnreserved(value.charAt(i))) {
        return new AsciiText(3 * value.length()).appendEncoded(value).toString();
      }
    }
    return value;
  }

  /**
   * Decodes {@code %XX} escapes as UTF-8; with {@code plusIsSpace}, as form encoding does
   * (RFC 5849 section 3.4.1.3.1 reads query and body that way), {@code +} becomes a space.
   *
   * @throws IllegalArgumentException on a malformed escape
   */
  public static String decode(String value, boolean plusIsSpace) {
    if (decodesToItself(value, plusIsSpace)) {
      return value;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '%') {
        if (i + 2 >= value.length()) {
          throw new IllegalArgumentException("Incomplete percent escape");
        }
        bytes.write(hexValue(value.charAt(i + 1)) << 4 | hexValue(value.charAt(i + 2)));
        i += 2;
      } else if (c == '+' && plusIsSpace) {
        bytes.write(' ');
      } else if (c < 0x80) {
        bytes.write(c);
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

  /** No escape, no {@code +} to read as a space, and no surrogate, which UTF-8 would check. */
  private static boolean decodesToItself(String value, boolean plusIsSpace) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '%' || c == '+' && plusIsSpace || Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  private static int hexValue(char c) {
    int value = Character.digit(c, 16);
    if (value < 0) {
      throw new IllegalArgumentException("Malformed percent escape");
    }
    return value;
  }
}
