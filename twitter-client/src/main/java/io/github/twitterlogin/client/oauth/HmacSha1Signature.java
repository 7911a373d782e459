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
   * time, so each thread keeps one, initialized with the last secrets it was given: the requests
   * of one user (or the consumer's token steps) sign with it again without a new key or
   * {@code init}. Those secrets thus stay referenced from the thread until the next ones replace
   * them; they never leave the process.
   */
  private static final ThreadLocal<KeyedMac> MACS = ThreadLocal.withInitial(KeyedMac::new);

  private HmacSha1Signature() {
  }

  /** @param tokenSecret null or empty before a token exists (the request-token step) */
  public static String sign(String baseString, String consumerSecret, String tokenSecret) {
    byte[] digest = MACS.get().keyedWith(consumerSecret, tokenSecret)
        .doFinal(baseString.getBytes(StandardCharsets.UTF_8));
    return Base64.getEncoder().encodeToString(digest);
  }

  /** Section 3.4.2: both secrets encoded, joined by {@code &}; an absent token secret is empty. */
  private static byte[] keyOf(String consumerSecret, String tokenSecret) {
    AsciiText key = new AsciiText(3 * (consumerSecret.length() + (tokenSecret == null ? 0 : tokenSecret.length())) + 1)
        .appendEncoded(consumerSecret).append('&');
    if (tokenSecret != null) {
      key.appendEncoded(tokenSecret);
    }
    return key.toString().getBytes(StandardCharsets.US_ASCII);
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
    private String consumerSecret;
    private String tokenSecret;

    KeyedMac() {
      try {
        mac = Mac.getInstance(ALGORITHM);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("HmacSHA1 is not available in this JVM", e);
      }
    }

    /** An empty token secret and none make the same key, "consumer&", and either may come first. */
    Mac keyedWith(String consumer, String token) {
      String tokenOrEmpty = token == null ? "" : token;
      if (!consumer.equals(consumerSecret) || !tokenOrEmpty.equals(tokenSecret)) {
        consumerSecret = null;
        try {
          mac.init(new SecretKeySpec(keyOf(consumer, token), ALGORITHM));
        } catch (GeneralSecurityException e) {
          throw new IllegalStateException("HmacSHA1 refused its key", e);
        }
        consumerSecret = consumer;
        tokenSecret = tokenOrEmpty;
      }
      return mac;
    }
  }
}
