package io.github.twitterlogin.client.oauth;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * RFC 5849 section 3.6: UTF-8, then every byte outside the unreserved set
 * {@code ALPHA / DIGIT / "-" / "." / "_" / "~"} as {@code %XX} with upper-case hex. Unlike
 * {@link java.net.URLEncoder}, a space is {@code %20} and {@code *} is encoded.
 */
public final class PercentEncoding {

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();
  private static final boolean[] UNRESERVED = new boolean[128];
  /** {@code %XX} of every byte, so that an escape is one append. */
  private static final String[] ESCAPES = new String[256];

  static {
    for (int c = 0; c < UNRESERVED.length; c++) {
      UNRESERVED[c] = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
          || c == '-' || c == '.' || c == '_' || c == '~';
    }
    for (int b = 0; b < ESCAPES.length; b++) {
      ESCAPES[b] = new String(new char[] {'%', HEX[b >> 4], HEX[b & 0xF]});
    }
  }

  private PercentEncoding() {
  }

  /** A value of unreserved characters only, as most OAuth values are, is its own encoding. */
  public static String encode(String value) {
    int length = value.length();
    for (int i = 0; i < length; i++) {
      if (!isUnreserved(value.charAt(i))) {
        StringBuilder encoded = new StringBuilder(length + 16).append(value, 0, i);
        appendEncoded(encoded, value, i);
        return encoded.toString();
      }
    }
    return value;
  }

  /** Appends the encoding of {@code value} to {@code out}, without an intermediate string. */
  public static StringBuilder encodeTo(StringBuilder out, String value) {
    appendEncoded(out, value, 0);
    return out;
  }

  /**
   * Runs of unreserved characters are copied at once and ASCII is escaped char by char; from the
   * first other char on, the rest goes through {@link String#getBytes} (so a lone surrogate is
   * {@code ?}, as before), which is the same UTF-8 as the whole string's, since the split falls
   * between code points.
   */
  private static void appendEncoded(StringBuilder out, String value, int start) {
    int length = value.length();
    int run = start;
    for (int i = start; i < length; i++) {
      char c = value.charAt(i);
      if (isUnreserved(c)) {
        continue;
      }
      out.append(value, run, i);
      if (c >= 0x80) {
        for (byte b : value.substring(i).getBytes(StandardCharsets.UTF_8)) {
          int octet = b & 0xFF;
          if (isUnreserved(octet)) {
            out.append((char) octet);
          } else {
            out.append(ESCAPES[octet]);
          }
        }
        return;
      }
      out.append(ESCAPES[c]);
      run = i + 1;
    }
    out.append(value, run, length);
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

  private static boolean isUnreserved(int c) {
    return c < UNRESERVED.length && UNRESERVED[c];
  }

  private static int hexValue(char c) {
    int value = Character.digit(c, 16);
    if (value < 0) {
      throw new IllegalArgumentException("Malformed percent escape");
    }
    return value;
  }
}
