package io.github.twitterlogin.shared;

import java.util.Arrays;

/**
 * The access a login asks of the user, sent as {@code x_auth_access_type} on {@code POST
 * oauth/request_token}: X lets an app registered for read and write ask for read only.
 */
public enum AccessType {

  READ("read"),
  WRITE("write");

  private final String value;

  AccessType(String value) {
    this.value = value;
  }

  /** The value on the wire, in messages and in {@code x_auth_access_type}. */
  public String value() {
    return value;
  }

  /** @return null for null; fails as {@link TwitterFailure#BAD_REQUEST} naming {@code field} otherwise */
  public static AccessType fromValue(String field, String text) {
    if (text == null) {
      return null;
    }
    return Arrays.stream(values()).filter(type -> type.value.equals(text)).findFirst()
        .orElseThrow(() -> MessageFields.badRequest(field + " must be read or write"));
  }
}
