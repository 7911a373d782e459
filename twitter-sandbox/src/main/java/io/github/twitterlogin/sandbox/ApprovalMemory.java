package io.github.twitterlogin.sandbox;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What "Sign in with Twitter" remembers: the user a browser is signed in as, and which apps
 * that user has authorized. A browser that authorized an app is known by a cookie of the
 * sandbox's own, and {@code oauth/authenticate} then approves that app again at once. In
 * memory, bounded (the oldest forgotten first); one verticle instance owns it, on its event loop.
 */
final class ApprovalMemory {

  /** Not the gateway's: browsers send one host's cookies to every port of it. */
  static final String COOKIE = "twitter_sandbox_browser";
  private static final int MAX_ENTRIES = 10_000;

  private final Map<String, String> userOfBrowser = new LinkedHashMap<>();
  private final Map<String, Boolean> approved = new LinkedHashMap<>();

  /** The user this browser signed in as, when that user has authorized the app before. */
  Optional<String> rememberedUser(RoutingContext ctx, String consumerKey) {
    Cookie browser = ctx.request().getCookie(COOKIE);
    return Optional.ofNullable(browser)
        .map(cookie -> userOfBrowser.get(cookie.getValue()))
        .filter(userId -> approved.containsKey(consumerKey + '&' + userId));
  }

  /** Remembers the approval, and gives the browser its cookie if it has none yet. */
  void remember(RoutingContext ctx, String consumerKey, String userId) {
    Cookie known = ctx.request().getCookie(COOKIE);
    String browser = known != null && userOfBrowser.containsKey(known.getValue()) ? known.getValue()
        : TokenStore.random(32);
    put(userOfBrowser, browser, userId);
    put(approved, consumerKey + '&' + userId, Boolean.TRUE);
    ctx.response().addCookie(Cookie.cookie(COOKIE, browser).setPath("/").setHttpOnly(true)
        .setSameSite(CookieSameSite.LAX));
  }

  private static <V> void put(Map<String, V> map, String key, V value) {
    map.remove(key);
    map.put(key, value);
    if (map.size() > MAX_ENTRIES) {
      Iterator<String> oldest = map.keySet().iterator();
      oldest.next();
      oldest.remove();
    }
  }
}
