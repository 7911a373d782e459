package io.github.twitterlogin.client.oauth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** RFC 5849 section 3.4.2: HMAC-SHA1 over the base string, keyed by both secrets. */
public final class HmacSha1Signature {

  public static final String METHOD = "HMAC-SHA1";

  private static final String ALGORITHM = "HmacSHA1";
  /**
   * A {@link Mac} is not thread-safe and {@link Mac#getInstance} searches the providers each
   * time, so each thread keeps one, with the last key it was given: the requests of one user
   * (or the consumer's token steps) sign with it again without a new {@code init}. The key, made
   * of the consumer secret and a token secret, thus stays in the thread's memory until the next
   * one replaces it; it never leaves the process.
   */
  private static final ThreadLocal<KeyedMac> MACS = ThreadLocal.withInitial(KeyedMac::new);

  private HmacSha1Signature() {
  }

  /** @param tokenSecret null or empty before a token exists (the request-token step) */
  public static String sign(String baseString, String consumerSecret, String tokenSecret) {
    AsciiText key = new AsciiText(3 * (consumerSecret.length() + (tokenSecret == null ? 0 : tokenSecret.length())) + 1)
        .appendEncoded(consumerSecret).append('&');
    if (tokenSecret != null) {
      key.appendEncoded(tokenSecret);
    }
    byte[] digest = MACS.get().keyedWith(key.toString()).doFinal(baseString.getBytes(StandardCharsets.UTF_8));
    return Base64.getEncoder().encodeToString(digest);
  }

  /** Compares signatures in constant time, so that a verifier leaks nothing through timing. */
  public static boolean matches(String expected, String actual) {
    if (expected == null || actual == null) {
      return false;
    }
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
  }

  /** One thread's Mac; {@code doFinal} leaves it initialized with its key, ready for the next signature. */
  private static final class KeyedMac {

    private final Mac mac;
    private String key;

    KeyedMac() {
      try {
        mac = Mac.getInstance(ALGORITHM);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("HmacSHA1 is not available in this JVM", e);
      }
    }

    Mac keyedWith(String signingKey) {
      if (!signingKey.equals(key)) {
        key = null;
        try {
          mac.init(new SecretKeySpec(signingKey.getBytes(StandardCharsets.UTF_8), ALGORITHM));
        } catch (GeneralSecurityException e) {
          throw new IllegalStateException("HmacSHA1 refused its key", e);
        }
        key = signingKey;
      }
      return mac;
    }
  }
}
