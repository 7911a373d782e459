package io.github.twitterlogin.shared.crypto;

/** A sealed value that does not open: malformed, altered, or sealed with a key no longer held. */
public final class SealedValueException extends RuntimeException {

  public SealedValueException(String message) {
    super(message, null, false, false);
  }
}
