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

  private HmacSha1Signature() {
  }

  /** @param tokenSecret null or empty before a token exists (the request-token step) */
  public static String sign(String baseString, String consumerSecret, String tokenSecret) {
    String key = PercentEncoding.encode(consumerSecret) + "&"
        + (tokenSecret == null ? "" : PercentEncoding.encode(tokenSecret));
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      byte[] digest = mac.doFinal(baseString.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA1 is not available in this JVM", e);
    }
  }

  /** Compares signatures in constant time, so that a verifier leaks nothing through timing. */
  public static boolean matches(String expected, String actual) {
    if (expected == null || actual == null) {
      return false;
    }
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
  }
}
