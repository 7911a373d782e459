package io.github.twitterlogin.shared;

import java.util.Arrays;

/** Where {@link TwitterAddresses#SIGN_IN} reads the signed-in user's profile. */
public enum ProfileSource {

  /** {@code GET 2/users/me}: every access tier has it; no email. */
  V2("v2"),
  /** {@code GET 1.1/account/verify_credentials.json}: the only source of the email; not every access tier has it. */
  V1_1("v1.1"),
  /** No call: the id and screen name of the access-token answer, the screen name as name, no avatar. */
  TOKEN("token");

  private final String value;

  ProfileSource(String value) {
    this.value = value;
  }

  /** The value in messages. */
  public String value() {
    return value;
  }

  /** @return {@link #V2} for null; fails as {@link TwitterFailure#BAD_REQUEST} naming {@code field} otherwise */
  public static ProfileSource fromValue(String field, String text) {
    if (text == null) {
      return V2;
    }
    return Arrays.stream(values()).filter(source -> source.value.equals(text)).findFirst()
        .orElseThrow(() -> MessageFields.badRequest(field + " must be v2, v1.1 or token"));
  }
}
