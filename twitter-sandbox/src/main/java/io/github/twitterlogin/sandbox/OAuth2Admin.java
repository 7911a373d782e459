package io.github.twitterlogin.sandbox;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /sandbox/admin/oauth2/expire-access-tokens} with {@code {"userId": "..."}}: ends
 * that user's OAuth 2.0 access tokens now, as if their two hours were over, her refresh tokens
 * still good. A test makes the clients of several processes refresh at once this way, without
 * waiting and without moving any process's clock; to the clients it is X refusing a token before
 * its {@code expires_in} is up, which X may do. Served with the fault admin, on its terms
 * ({@link FaultAdmin}: loopback names only, JSON bodies only).
 */
final class OAuth2Admin {

  private final OAuth2Grants grants;

  OAuth2Admin(OAuth2Grants grants) {
    this.grants = grants;
  }

  void expireAccessTokens(RoutingContext ctx) {
    AdminBody.read(ctx, "expiry request").ifPresent(body -> expireAccessTokens(ctx, body));
  }

  /** A user id the sandbox never issued a token for ends none: the answer says how many ended. */
  private void expireAccessTokens(RoutingContext ctx, JsonObject body) {
    Object userId = body.getValue("userId");
    if (!(userId instanceof String id) || id.isBlank() || body.size() != 1) {
      TwitterAnswers.json(ctx, 400, AdminBody.error("invalid expiry request: send {\"userId\": \"<the user's id>\"},"
          + " the id as a string, and nothing else"));
      return;
    }
    int expired = grants.expireAccessTokensOf(id);
    TwitterAnswers.json(ctx, 200, new JsonObject().put("userId", id).put("expiredAccessTokens", expired));
  }
}
