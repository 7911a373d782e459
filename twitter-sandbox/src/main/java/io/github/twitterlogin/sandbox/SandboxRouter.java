package io.github.twitterlogin.sandbox;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** All routes of the sandbox: Twitter's paths, so that only a client's base URL changes. */
final class SandboxRouter {

  private static final Logger LOG = LoggerFactory.getLogger(SandboxRouter.class);
  private static final long MAX_BODY_BYTES = 64 * 1024;

  private SandboxRouter() {
  }

  /**
   * @param publicUrl the URL the sandbox is reached at, for links to its avatars: asked for on
   *     each request, since on port 0 it is known only once the server listens
   */
  static Router create(Vertx vertx, SandboxSettings settings, Clock clock, FaultInjection faults, SandboxPages pages,
      Supplier<String> publicUrl) {
    TokenStore tokens = new TokenStore(clock, settings.requestTokenLifetime(), settings.accessTokenMemorySize());
    SignedRequestVerifier verifier = new SignedRequestVerifier(settings, clock,
        NonceMemory.forClockSkew(clock, settings.allowedClockSkew(), settings.nonceMemorySize()));
    Router router = Router.router(vertx);
    router.route().handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES));
    mountTwitterApi(router, faults, new OAuthEndpoints(verifier, tokens, settings), new AccountEndpoints(verifier,
        tokens, new RateLimits(clock, settings.rateLimitWindow(), settings.verifyCredentialsLimit()),
        new UserJson(settings, publicUrl)));
    mountConsentPage(router, new ConsentPage(settings, tokens, pages, publicUrl));
    mountSandboxOwnPaths(router, settings, faults);
    router.route().failureHandler(ctx -> fail(ctx, pages));
    router.errorHandler(404, ctx -> fail(ctx, pages));
    router.errorHandler(405, ctx -> fail(ctx, pages));
    return router;
  }

  /** Twitter's paths, so that only a client's base URL changes; faults are injected here only. */
  private static void mountTwitterApi(Router router, FaultInjection faults, OAuthEndpoints oauth,
      AccountEndpoints account) {
    router.route("/oauth/request_token").handler(faults::handle);
    router.route("/oauth/access_token").handler(faults::handle);
    router.route("/1.1/*").handler(faults::handle);
    router.route("/2/*").handler(faults::handle);
    router.post("/oauth/request_token").handler(oauth::requestToken);
    router.post("/oauth/access_token").handler(oauth::accessToken);
    router.get("/1.1/account/verify_credentials.json").handler(account::verifyCredentials);
    router.get("/2/users/me").handler(account::usersMe);
    router.post("/1.1/oauth/invalidate_token").handler(account::invalidateToken);
  }

  private static void mountConsentPage(Router router, ConsentPage consent) {
    router.get("/oauth/authenticate").handler(consent::show);
    router.get("/oauth/authorize").handler(consent::show);
    router.post("/oauth/authorize").handler(consent::decide);
  }

  private static void mountSandboxOwnPaths(Router router, SandboxSettings settings, FaultInjection faults) {
    router.get("/sandbox/health").handler(SandboxRouter::health);
    router.get("/sandbox/avatars/:file").handler(new Avatars(settings)::serve);
    if (settings.adminEnabled()) {
      FaultAdmin admin = new FaultAdmin(faults);
      router.get("/sandbox/admin/faults").handler(admin::read);
      router.put("/sandbox/admin/faults").handler(admin::replace);
    }
  }

  /** Lets another process tell that a sandbox, and not some other server, listens on a port. */
  private static void health(RoutingContext ctx) {
    TwitterAnswers.json(ctx, 200, new JsonObject().put("status", "UP").put("service", "twitter-sandbox"));
  }

  /** Twitter's JSON errors on its API, a page on the consent pages; never a stack trace. */
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
    TwitterError error = twitterErrorFor(ctx, failure);
    TwitterAnswers.json(ctx, error.status(), error.toJson());
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
