package io.github.twitterlogin.client.oauth;

import io.github.twitterlogin.client.oauth.impl.HmacSha1Signer;
import io.github.twitterlogin.client.oauth.impl.SecureNonces;
import java.time.Clock;
import java.util.function.Supplier;

/** Signs requests with OAuth 1.0a (RFC 5849) for one consumer. */
public interface OAuthSigner {

  static OAuthSigner hmacSha1(ConsumerCredentials consumer) {
    return hmacSha1(consumer, Clock.systemUTC(), secureNonces());
  }

  static OAuthSigner hmacSha1(ConsumerCredentials consumer, Clock clock, Supplier<String> nonces) {
    return hmacSha1(consumer, clock, nonces, true);
  }

  /**
   * @param sendVersion whether to send the optional {@code oauth_version="1.0"} (RFC 5849 section
   *     3.1); Twitter's examples send it, the RFC's own examples do not
   */
  static OAuthSigner hmacSha1(
      ConsumerCredentials consumer, Clock clock, Supplier<String> nonces, boolean sendVersion) {
    return new HmacSha1Signer(consumer, clock, nonces, sendVersion);
  }

  /** The value of the {@code Authorization} header for this request. */
  String authorizationHeader(UnsignedRequest request);

  /**
   * RFC 5849 section 3.3 asks for a nonce unique to the timestamp, consumer and token: 160
   * random bits from a {@code SecureRandom} make a collision out of reach; hex keeps it to
   * unreserved characters. See {@link SecureNonces} for why each thread has its own.
   */
  static Supplier<String> secureNonces() {
    return new SecureNonces();
  }
}
