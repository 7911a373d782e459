package io.github.twitterlogin.shared;

import java.util.Arrays;

/**
 * Where the browser signs in. {@code oauth/authenticate} ("Sign in with X") sends a user who has
 * already authorized the app straight back; {@code oauth/authorize} asks every time.
 */
public enum LoginPage {

  AUTHENTICATE("authenticate"),
  AUTHORIZE("authorize");

  private final String value;

  LoginPage(String value) {
    this.value = value;
  }

  /** The value in messages, which is also the page's path below {@code oauth/}. */
  public String value() {
    return value;
  }

  /** @return {@link #AUTHENTICATE} for null; fails as {@link TwitterFailure#BAD_REQUEST} naming {@code field} otherwise */
  public static LoginPage fromValue(String field, String text) {
    if (text == null) {
      return AUTHENTICATE;
    }
    return Arrays.stream(values()).filter(page -> page.value.equals(text)).findFirst()
        .orElseThrow(() -> MessageFields.badRequest(field + " must be authenticate or authorize"));
  }
}
