package io.github.twitterlogin.sandbox;

import io.github.twitterlogin.sandbox.TokenStore.AccessToken;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The account API, called as a user: {@code GET /1.1/account/verify_credentials.json}, {@code
 * GET /2/users/me} and {@code POST /1.1/oauth/invalidate_token}.
 */
final class AccountEndpoints {

  /** What X's {@code users/me} takes; any other query parameter is refused, as X refuses it. */
  private static final Set<String> USERS_ME_PARAMETERS = Set.of("expansions", "tweet.fields", "user.fields");

  private final ApiAuthentication authentication;
  private final TokenStore tokens;
  private final RateLimits rateLimits;
  private final UserJson users;

  /** @param rateLimits the per-user limits, or null when none apply (load mode) */
  AccountEndpoints(ApiAuthentication authentication, TokenStore tokens, RateLimits rateLimits, UserJson users) {
    this.authentication = authentication;
    this.tokens = tokens;
    this.rateLimits = rateLimits;
    this.users = users;
  }

  void verifyCredentials(RoutingContext ctx) {
    ApiCaller caller = authentication.authenticate(ctx, OAuth2Scopes.USERS_ME);
    if (caller.limitedV11Access()) {
      throw TwitterError.limitedV11Access();
    }
    if (limited(ctx, caller, "verify_credentials")) {
      return;
    }
    TwitterAnswers.json(ctx, 200, users.v1(caller.userId(), flag(ctx, "include_email"),
        !flag(ctx, "skip_status"), !"false".equals(ctx.request().getParam("include_entities"))));
  }

  void usersMe(RoutingContext ctx) {
    ApiCaller caller = authentication.authenticate(ctx, OAuth2Scopes.USERS_ME);
    Set<String> fields = userFields(ctx);
    if (limited(ctx, caller, "users_me")) {
      return;
    }
    TwitterAnswers.json(ctx, 200, users.v2(caller.userId(), fields));
  }

  void invalidateToken(RoutingContext ctx) {
    AccessToken token = authentication.oauth1Token(ctx);
    tokens.revoke(token.token());
    TwitterAnswers.json(ctx, 200, new JsonObject().put("access_token", token.token()));
  }

  /** {@code user.fields}, comma-separated; a name X does not know is refused with X's list. */
  private static Set<String> userFields(RoutingContext ctx) {
    for (String name : ctx.queryParams().names()) {
      if (!USERS_ME_PARAMETERS.contains(name) && !name.startsWith("oauth_")) {
        throw new V2ProblemException(V2Problem.invalidRequest(name, ctx.queryParams().get(name),
            "The query parameter [" + name + "] is not one of [expansions,tweet.fields,user.fields]"));
      }
    }
    String asked = ctx.queryParams().get("user.fields");
    Set<String> fields = new LinkedHashSet<>();
    if (asked == null) {
      return fields;
    }
    for (String field : Arrays.stream(asked.split(",", -1)).map(String::trim).toList()) {
      if (!UserJson.V2_FIELDS.contains(field)) {
        throw new V2ProblemException(V2Problem.invalidRequest("user.fields", field, "The `user.fields` query"
            + " parameter value [" + field + "] is not one of [" + String.join(",", UserJson.V2_FIELDS) + "]"));
      }
      fields.add(field);
    }
    return fields;
  }

  /** Twitter's per-user window: the headers on every answer, 429 once the window is used up. */
  private boolean limited(RoutingContext ctx, ApiCaller caller, String endpoint) {
    if (rateLimits == null) {
      return false;
    }
    RateLimits.Usage usage = rateLimits.call(caller.userId(), endpoint);
    TwitterAnswers.rateLimitHeaders(ctx, usage);
    if (!usage.allowed()) {
      TwitterAnswers.refuse(ctx, TwitterError.rateLimitExceeded());
    }
    return !usage.allowed();
  }

  private static boolean flag(RoutingContext ctx, String name) {
    String value = ctx.request().getParam(name);
    return "true".equals(value) || "1".equals(value);
  }
}
