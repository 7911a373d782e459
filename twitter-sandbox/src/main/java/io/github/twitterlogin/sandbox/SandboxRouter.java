package io.github.twitterlogin.sandbox;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** All routes of the sandbox: Twitter's paths, so that only a client's base URL changes. */
final class SandboxRouter {

  private static final Logger LOG = LoggerFactory.getLogger(SandboxRouter.class);
  private static final long MAX_BODY_BYTES = 64 * 1024;
  /** Holds no state of a request: one serves every route. */
  private static final BodyHandler BODY = BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES);

  private SandboxRouter() {
  }

  /**
   * @param publicUrl the URL the sandbox is reached at, for links to its avatars: asked for on
   *     each request, since on port 0 it is known only once the server listens
   */
  static Router create(Vertx vertx, SandboxSettings settings, Clock clock, FaultInjection faults, SandboxPages pages,
      Supplier<String> publicUrl) {
    TokenStore tokens = new TokenStore(clock, settings.requestTokenLifetime(), settings.accessTokenMemorySize());
    SandboxUsers users = new SandboxUsers(settings.users(), settings.loadMode());
    SignedRequestVerifier verifier = new SignedRequestVerifier(settings, clock,
        NonceMemory.forClockSkew(clock, settings.allowedClockSkew(), settings.nonceMemorySize()));
    RateLimits rateLimits = settings.loadMode() ? null
        : new RateLimits(clock, settings.rateLimitWindow(), settings.verifyCredentialsLimit());
    OAuth2Grants grants = new OAuth2Grants(clock, settings.requestTokenLifetime(), settings.oauth2CodeLifetime(),
        settings.oauth2AccessTokenLifetime(), settings.accessTokenMemorySize());
    ConsentRenderer consent = new ConsentRenderer(users, pages, publicUrl);
    Router router = Router.router(vertx);
    mountTwitterApi(router, faults, new OAuthEndpoints(verifier, tokens, users), new AccountEndpoints(
        new ApiAuthentication(verifier, tokens, grants), tokens, rateLimits, new UserJson(users, publicUrl)),
        new OAuth2TokenEndpoints(settings, grants));
    mountConsentPage(router, new ConsentPage(settings, users, tokens, consent, new ApprovalMemory()),
        new OAuth2AuthorizePage(settings, users, grants, consent));
    mountSandboxOwnPaths(router, settings, users, faults, grants);
    router.route().failureHandler(ctx -> fail(ctx, pages));
    router.errorHandler(404, ctx -> fail(ctx, pages));
    router.errorHandler(405, ctx -> fail(ctx, pages));
    return router;
  }

  /**
   * Bodies are read on the POST and PUT routes only, each its own (a route for every path would
   * answer 405 instead of 404 on unknown paths). vertx-web's BodyHandler fails a GET that carries
   * a form content type (vertx-web#1662), and node-oauth (passport-twitter's signer) sends {@code
   * Content-Type: application/x-www-form-urlencoded} with {@code Content-Length: 0} on every GET:
   * such a GET must be answered like any other. Every GET route answers HEAD too (RFC 9110
   * section 9.3.2), without a body.
   */
  private static Route get(Router router, String path) {
    return router.route(path).method(HttpMethod.GET).method(HttpMethod.HEAD);
  }

  private static Route post(Router router, String path) {
    return router.post(path).handler(BODY);
  }

  private static Route put(Router router, String path) {
    return router.put(path).handler(BODY);
  }

  /**
   * Twitter's paths, so that only a client's base URL changes. Faults are injected here only, on
   * every method and path under them, once the body of a POST or PUT is read (a delay must not
   * let the body go by unread). The routes that serve come last, so that a method they do not
   * serve gets its 405, an unknown path its 404.
   */
  private static void mountTwitterApi(Router router, FaultInjection faults, OAuthEndpoints oauth,
      AccountEndpoints account, OAuth2TokenEndpoints oauth2) {
    for (String faulty : List.of("/oauth/request_token", "/oauth/access_token", "/1.1/*", "/2/*")) {
      router.route(faulty).method(HttpMethod.POST).method(HttpMethod.PUT).handler(BODY);
      router.route(faulty).handler(faults::handle);
    }
    router.post("/oauth/request_token").handler(oauth::requestToken);
    router.post("/oauth/access_token").handler(oauth::accessToken);
    get(router, "/1.1/account/verify_credentials.json").handler(account::verifyCredentials);
    get(router, "/2/users/me").handler(account::usersMe);
    router.post("/1.1/oauth/invalidate_token").handler(account::invalidateToken);
    router.post(OAuth2Error.TOKEN_PATH).handler(oauth2::token);
    router.post(OAuth2Error.REVOKE_PATH).handler(oauth2::revoke);
  }

  /** Both protocols' consent pages; X serves OAuth 2.0's on x.com, the sandbox on its own host. */
  private static void mountConsentPage(Router router, ConsentPage consent, OAuth2AuthorizePage oauth2) {
    get(router, "/oauth/authenticate").handler(consent::authenticate);
    get(router, "/oauth/authorize").handler(consent::authorize);
    post(router, "/oauth/authorize").handler(consent::decide);
    get(router, OAuth2AuthorizePage.PATH).handler(oauth2::show);
    post(router, OAuth2AuthorizePage.PATH).handler(oauth2::decide);
  }

  private static void mountSandboxOwnPaths(Router router, SandboxSettings settings, SandboxUsers users,
      FaultInjection faults, OAuth2Grants grants) {
    get(router, "/sandbox/health").handler(SandboxRouter::health);
    get(router, "/sandbox/avatars/:file").handler(new Avatars(users)::serve);
    if (settings.adminEnabled()) {
      FaultAdmin admin = new FaultAdmin(faults);
      router.route("/sandbox/admin/*").handler(admin::requireLoopbackHost);
      get(router, "/sandbox/admin/faults").handler(admin::read);
      put(router, "/sandbox/admin/faults").handler(admin::replace);
      post(router, "/sandbox/admin/oauth2/expire-access-tokens").handler(new OAuth2Admin(grants)::expireAccessTokens);
    }
  }

  /** Lets another process tell that a sandbox, and not some other server, listens on a port. */
  private static void health(RoutingContext ctx) {
    TwitterAnswers.json(ctx, 200, new JsonObject().put("status", "UP").put("service", "twitter-sandbox"));
  }

  /**
   * Twitter's JSON errors on its API (v1.1's or v2's shape by path, OAuth 2.0's on its token
   * endpoints), a page on the consent pages; never a stack trace.
   */
  private static void fail(RoutingContext ctx, SandboxPages pages) {
    if (ctx.response().headWritten()) {
      ctx.response().reset();
      return;
    }
    Throwable failure = ctx.failure();
    if (failure instanceof SandboxPageError page) {
      pages.respond(ctx, page.status(), SandboxPages.MESSAGE,
          Map.of("title", page.title(), "message", page.getMessage())).onFailure(ignored -> ctx.response().reset());
      return;
    }
    if (failure instanceof V2ProblemException v2) {
      TwitterAnswers.problem(ctx, v2.problem());
      return;
    }
    OAuth2Error oauth2 = failure instanceof OAuth2Error thrown ? thrown : null;
    TwitterError error = oauth2 != null ? null : twitterErrorFor(ctx, failure);
    if (oauth2 == null && OAuth2Error.isOAuth2Path(ctx.request().path())) {
      oauth2 = new OAuth2Error(error.status(), "invalid_request", error.getMessage());
    }
    if (oauth2 != null) {
      TwitterAnswers.json(ctx, oauth2.status(), oauth2.toJson());
      return;
    }
    TwitterAnswers.refuse(ctx, error);
  }

  private static TwitterError twitterErrorFor(RoutingContext ctx, Throwable failure) {
    if (failure instanceof TwitterError twitter) {
      return twitter;
    }
    if (failure instanceof IllegalArgumentException) {
      return TwitterError.badRequest("The request could not be read");
    }
    return switch (ctx.statusCode()) {
      case 404 -> new TwitterError(404, 34, "Sorry, that page does not exist.");
      case 405 -> new TwitterError(405, 34, "That method is not allowed here.");
      case 413 -> new TwitterError(413, 214, "The request is too large.");
      case 400 -> TwitterError.badRequest("The request could not be read");
      default -> {
        LOG.error("Unexpected failure on {} {}", ctx.request().method(), ctx.request().path(), failure);
        yield new TwitterError(500, 131, "Internal error");
      }
    };
  }
}
