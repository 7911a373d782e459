package io.github.twitterlogin.gateway;

import io.vertx.core.Future;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.authorization.Authorization;
import io.vertx.ext.auth.authorization.AuthorizationProvider;
import io.vertx.ext.auth.authorization.PermissionBasedAuthorization;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may sign in: Twitter user ids or screen names (screen names without case), or everyone
 * when the list is empty. As a vertx-auth {@link AuthorizationProvider} it grants
 * {@link #SIGN_IN} to the users it allows, for vertx-web's {@code AuthorizationHandler}:
 *
 * <pre>{@code
 * router.route("/private/*").handler(AuthorizationHandler.create(TwitterAllowList.SIGN_IN)
 *     .addAuthorizationProvider(TwitterAllowList.create(List.of("ada", "1000000002"))));
 * }</pre>
 *
 * {@link TwitterAuthHandler} checks the same list at the callback, so a user it refuses is never
 * signed in.
 */
public final class TwitterAllowList implements AuthorizationProvider {

  public static final String ID = "twitter-allow-list";
  /** Granted to the users of the list. */
  public static final Authorization SIGN_IN = PermissionBasedAuthorization.create("twitter:sign-in");

  private final Set<String> allowed;

  private TwitterAllowList(Collection<String> idsOrScreenNames) {
    this.allowed = idsOrScreenNames.stream()
        .map(entry -> normalized(entry.trim()))
        .collect(Collectors.toUnmodifiableSet());
  }

  public static TwitterAllowList create(Collection<String> idsOrScreenNames) {
    return new TwitterAllowList(idsOrScreenNames);
  }

  /** Whether the user is on the list (or the list is empty). */
  public boolean allows(User user) {
    if (allowed.isEmpty()) {
      return true;
    }
    String id = user.principal().getString("id");
    String screenName = user.principal().getString("screenName");
    return id != null && allowed.contains(id) || screenName != null && allowed.contains(normalized(screenName));
  }

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public Future<Void> getAuthorizations(User user) {
    user.authorizations().put(ID, allows(user) ? Set.of(SIGN_IN) : Set.of());
    return Future.succeededFuture();
  }

  /** Screen names are case-insensitive on Twitter; a leading @ is allowed in the list. */
  private static String normalized(String entry) {
    String name = entry.startsWith("@") ? entry.substring(1) : entry;
    return name.toLowerCase(Locale.ROOT);
  }
}
