package io.github.twitterlogin.sandbox;

import java.util.Arrays;

/**
 * An app's permission, and a token's: X tells it in the {@code x-access-level} header of every
 * answer to a user's call, as {@code read}, {@code read-write} or {@code read-write-directmessages}.
 */
public enum AccessLevel {
  READ("read"),
  READ_WRITE("read-write"),
  READ_WRITE_DIRECTMESSAGES("read-write-directmessages");

  private final String header;

  AccessLevel(String header) {
    this.header = header;
  }

  public String header() {
    return header;
  }

  /** @throws IllegalArgumentException naming the values X knows */
  public static AccessLevel fromHeader(String value) {
    return Arrays.stream(values()).filter(level -> level.header.equals(value)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("accessLevel must be read, read-write or"
            + " read-write-directmessages, got '" + value + "'"));
  }

  /**
   * The level of a token issued to an app of this level for {@code x_auth_access_type}: an app
   * may ask for less than its permission ({@code read} of a read-write app), never more; without
   * the parameter, or with a value X does not define, the token has the app's permission.
   */
  AccessLevel forRequested(String accessType) {
    if ("read".equals(accessType)) {
      return READ;
    }
    if ("write".equals(accessType) && this != READ) {
      return READ_WRITE;
    }
    return this;
  }
}
