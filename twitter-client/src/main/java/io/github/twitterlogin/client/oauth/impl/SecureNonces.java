package io.github.twitterlogin.client.oauth.impl;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * 160-bit nonces in hex, each thread drawing from its own {@code SecureRandom}. The default
 * {@code SecureRandom} on Linux ({@code NativePRNG}) reads one shared source under one lock, for
 * which the event-loop threads would queue; a {@code DRBG} (NIST SP 800-90A, seeded from the
 * system's entropy) per thread is as strong and shares nothing. A DRBG pays for a state update on
 * each call, so a thread draws the bytes of 32 nonces at once; a nonce is public as soon as it is
 * sent, so the next ones waiting in memory give nothing away.
 */
public final class SecureNonces implements Supplier<String> {

  private static final int BYTES = 20;
  private static final int NONCES_PER_DRAW = 32;
  private static final HexFormat HEX = HexFormat.of();

  private final ThreadLocal<Draw> draws = ThreadLocal.withInitial(Draw::new);

  @Override
  public String get() {
    return draws.get().next();
  }

  /** One thread's random bytes, used once each. */
  private static final class Draw {

    private final SecureRandom random = newRandom();
    private final byte[] bytes = new byte[BYTES * NONCES_PER_DRAW];
    private int next = bytes.length;

    String next() {
      if (next == bytes.length) {
        random.nextBytes(bytes);
        next = 0;
      }
      String nonce = HEX.formatHex(bytes, next, next + BYTES);
      next += BYTES;
      return nonce;
    }

    private static SecureRandom newRandom() {
      try {
        return SecureRandom.getInstance("DRBG");
      } catch (NoSuchAlgorithmException notInThisJvm) {
        return new SecureRandom();
      }
    }
  }
}
