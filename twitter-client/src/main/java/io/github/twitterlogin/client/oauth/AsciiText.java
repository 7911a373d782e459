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
    for (int i = 0; i < count; i++) {
      bytes[length++] = (byte) ascii.charAt(i);
    }
    return this;
  }

  /**
   * RFC 5849 section 3.6. ASCII is escaped char by char; from the first other char on, the rest
   * goes through {@link String#getBytes} (so a lone surrogate is {@code ?}, as it always was),
   * which is the same UTF-8 as the whole string's, since the split falls between code points.
   */
  AsciiText appendEncoded(String value) {
    int count = value.length();
    ensureRoom(count);
    for (int i = 0; i < count; i++) {
      char c = value.charAt(i);
      if (c >= 0x80) {
        for (byte b : value.substring(i).getBytes(StandardCharsets.UTF_8)) {
          appendEncodedByte(b & 0xFF);
        }
        return this;
      }
      appendEncodedByte(c);
    }
    return this;
  }

  /** Percent-encodes text that is percent-encoded already: only its {@code %} needs an escape. */
  AsciiText appendEncodedAgain(String encoded) {
    int count = encoded.length();
    ensureRoom(count);
    for (int i = 0; i < count; i++) {
      char c = encoded.charAt(i);
      if (c == '%') {
        ensureRoom(3);
        bytes[length++] = '%';
        bytes[length++] = '2';
        bytes[length++] = '5';
      } else {
        ensureRoom(1);
        bytes[length++] = (byte) c;
      }
    }
    return this;
  }

  private void appendEncodedByte(int octet) {
    ensureRoom(3);
    if (isUnreserved(octet)) {
      bytes[length++] = (byte) octet;
    } else {
      bytes[length++] = '%';
      bytes[length++] = HEX[octet >> 4];
      bytes[length++] = HEX[octet & 0xF];
    }
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
