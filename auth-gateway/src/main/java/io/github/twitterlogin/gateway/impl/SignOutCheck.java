package io.github.twitterlogin.gateway.impl;

import io.vertx.core.http.HttpServerRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Whether a sign-out came from this site (OWASP's CSRF sheet): the gateway's own form carries the
 * session's synchronizer token; a host app's sign-out route checks the standard headers a
 * browser sends, {@code Origin} (or {@code Referer}), against the site's origin.
 */
final class SignOutCheck {

  private final String siteOrigin;

  /** @param siteUrl any URL of the site, such as the callback URL */
  SignOutCheck(String siteUrl) {
    URI uri = URI.create(siteUrl);
    this.siteOrigin = uri.getScheme() + "://" + uri.getRawAuthority();
  }

  /** A form posted from another origin, or from no page a browser would name, is no sign-out of ours. */
  boolean fromThisSite(HttpServerRequest request) {
    String origin = request.getHeader("Origin");
    if (origin == null || origin.equals("null")) {
      String referer = request.getHeader("Referer");
      return referer != null && (referer + "/").startsWith(siteOrigin + "/");
    }
    return origin.equals(siteOrigin);
  }

  /** The synchronizer token, compared in constant time so that timing tells nothing of it. */
  static boolean sameToken(String expected, String actual) {
    return expected != null && actual != null && MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
  }
}
