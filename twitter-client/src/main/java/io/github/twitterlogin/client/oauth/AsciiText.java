package io.github.twitterlogin.client.oauth;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Text that is ASCII by construction, percent-encoded text above all, written one byte per char:
 * the signer's base string, key and header. Cheaper than a {@code StringBuilder} there, which
 * checks its coder and capacity on every append.
 */
final class AsciiText {

  private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
  private static final boolean[] UNRESERVED = new boolean[128];

  static {
    for (int c = 0; c < UNRESERVED.length; c++) {
      UNRESERVED[c] = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
          || c == '-' || c == '.' || c == '_' || c == '~';
    }
  }

  private byte[] bytes;
  private int length;

  AsciiText(int capacity) {
    bytes = new byte[Math.max(capacity, 16)];
  }

  /** RFC 3986's unreserved set, which RFC 5849 section 3.6 leaves as it is. */
  static boolean isUnreserved(int c) {
    return c < UNRESERVED.length && UNRESERVED[c];
  }

  static boolean isAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  AsciiText append(char ascii) {
    ensureRoom(1);
    bytes[length++] = (byte) ascii;
    return this;
  }

  /** @param ascii text that {@link #isAscii} holds for */
  AsciiText append(String ascii) {
    int count = ascii.length();
    ensureRoom(count);
    byte[] out = bytes;
    int end = length;
    for (int i = 0; i < count; i++) {
      out[end++] = (byte) ascii.charAt(i);
    }
    length = end;
    return this;
  }

  /**
   * RFC 5849 section 3.6. ASCII is escaped char by char; from the first other char on, the rest
   * goes through {@link String#getBytes} (so a lone surrogate is {@code ?}, as it always was),
   * which is the same UTF-8 as the whole string's, since the split falls between code points.
   * Room for three bytes a char is made first, so that the loop checks nothing but the char.
   */
  AsciiText appendEncoded(String value) {
    int count = value.length();
    ensureRoom(3 * count);
    byte[] out = bytes;
    int end = length;
    for (int i = 0; i < count; i++) {
      char c = value.charAt(i);
      if (isUnreserved(c)) {
        out[end++] = (byte) c;
      } else if (c < 0x80) {
        end = escape(out, end, c);
      } else {
        length = end;
        return appendEncodedUtf8(value.substring(i).getBytes(StandardCharsets.UTF_8));
      }
    }
    length = end;
    return this;
  }

  private AsciiText appendEncodedUtf8(byte[] utf8) {
    ensureRoom(3 * utf8.length);
    byte[] out = bytes;
    int end = length;
    for (byte b : utf8) {
      int octet = b & 0xFF;
      if (isUnreserved(octet)) {
        out[end++] = b;
      } else {
        end = escape(out, end, octet);
      }
    }
    length = end;
    return this;
  }

  /** Percent-encodes text that is percent-encoded already: only its {@code %} needs an escape. */
  AsciiText appendEncodedAgain(String encoded) {
    int count = encoded.length();
    ensureRoom(3 * count);
    byte[] out = bytes;
    int end = length;
    for (int i = 0; i < count; i++) {
      char c = encoded.charAt(i);
      if (c == '%') {
        out[end++] = '%';
        out[end++] = '2';
        out[end++] = '5';
      } else {
        out[end++] = (byte) c;
      }
    }
    length = end;
    return this;
  }

  private static int escape(byte[] out, int end, int octet) {
    out[end] = '%';
    out[end + 1] = HEX[octet >> 4];
    out[end + 2] = HEX[octet & 0xF];
    return end + 3;
  }

  private void ensureRoom(int count) {
    if (length + count > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + count));
    }
  }

  @Override
  public String toString() {
    return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
  }
}
