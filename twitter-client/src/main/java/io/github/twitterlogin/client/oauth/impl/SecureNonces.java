package io.github.twitterlogin.client.oauth.impl;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * 160-bit nonces in hex, each thread drawing from its own {@code SecureRandom}. The default
 * {@code SecureRandom} on Linux ({@code NativePRNG}) reads one shared source under one lock, for
 * which the event-loop threads would queue; a {@code DRBG} (NIST SP 800-90A, seeded from the
 * system's entropy) per thread is as strong and shares nothing.
 */
public final class SecureNonces implements Supplier<String> {

  private static final int BYTES = 20;
  private static final HexFormat HEX = HexFormat.of();

  private final ThreadLocal<SecureRandom> randoms = ThreadLocal.withInitial(SecureNonces::newRandom);

  @Override
  public String get() {
    byte[] bytes = new byte[BYTES];
    randoms.get().nextBytes(bytes);
    return HEX.formatHex(bytes);
  }

  private static SecureRandom newRandom() {
    try {
      return SecureRandom.getInstance("DRBG");
    } catch (NoSuchAlgorithmException notInThisJvm) {
      return new SecureRandom();
    }
  }
}
