package io.github.twitterlogin.shared.testing;

/** Keys for tests only: known to everyone, so they protect nothing. */
public final class TestKeys {

  /** {@code SESSION_ENCRYPTION_KEYS} / the gateway's {@code sessionEncryptionKeys} for tests. */
  public static final String SESSION_ENCRYPTION_KEYS = "test:dGVzdC1vbmx5LXNlc3Npb24ta2V5LTAxMjM0NTY3ODk=";

  private TestKeys() {
  }
}
