package io.github.twitterlogin.gateway.impl;

import io.github.twitterlogin.gateway.PageError;
import io.github.twitterlogin.shared.TwitterFailureException;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.impl.VertxConnection;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every error of the gateway becomes a page (or JSON for API clients) with a status and plain
 * words, never a stack trace, and with the {@link SecurityHeaders}: the one error path, for the
 * failures of the gateway's routes, the router's own answers (404, 405, a malformed path, a bad
 * {@code Host}) and the requests the HTTP server could not read (414, 431). Unexpected failures
 * are logged with a reference that the page shows, so a report can be matched to the log. It
 * renders the sign-in's failures on a host app's routes too.
 */
public final class ErrorPages {

  private static final Logger LOG = LoggerFactory.getLogger(ErrorPages.class);

  private final Pages pages;
  private final TwitterFailurePages twitterFailures;

  public ErrorPages(Pages pages, TwitterFailurePages twitterFailures) {
    this.pages = pages;
    this.twitterFailures = twitterFailures;
  }

  /** As a router's or route's failure handler. */
  public void handle(RoutingContext ctx) {
    render(ctx, ctx.failure());
  }

  /**
   * As a router's error handler for {@code status}: vertx-web calls it for its own answers, some
   * (a path that does not decode) without failing the context, so the status is given here.
   */
  public Handler<RoutingContext> forStatus(int status) {
    return ctx -> render(ctx, status >= 500 && ctx.failure() != null ? ctx.failure() : new HttpException(status));
  }

  public void render(RoutingContext ctx, Throwable failure) {
    if (ctx.response().closed()) {
      LOG.debug("No answer to {} {}, whose connection is closed: {}", ctx.request().method(), ctx.request().path(),
          describe(failure));
      return;
    }
    if (ctx.response().headWritten()) {
      LOG.warn("Failure after the response had started on {} {}: {}", ctx.request().method(), ctx.request().path(),
          describe(failure));
      ctx.response().reset();
      return;
    }
    String[] reference = new String[1];
    PageError error = errorFor(ctx, failure, reference);
    SecurityHeaders.putOn(ctx.response());
    error.retryAfterSeconds().ifPresent(seconds -> ctx.response().putHeader("Retry-After", Long.toString(seconds)));
    if (ResponseFormat.wantsJson(ctx)) {
      ctx.response().setStatusCode(error.status()).putHeader("Cache-Control", "no-store");
      ctx.json(new JsonObject().put("error", error.code()).put("message", error.getMessage()));
    } else {
      pages.respond(ctx, error.status(), Pages.MESSAGE, model(error, reference[0]))
          .onFailure(renderFailure -> {
            if (ctx.response().closed()) {
              LOG.debug("The error page could not be sent: {}", describe(renderFailure));
              return;
            }
            LOG.error("The error page does not render", renderFailure);
            ctx.response().reset();
          });
    }
    if (error.code().equals(PageError.UNREADABLE_BODY)) {
      flushBeforeTheClose(ctx);
    }
  }

  /**
   * A body that does not decode fails the connection, and Vert.x closes it as soon as the
   * request's exception handlers return, dropping what they wrote and did not flush yet (writes
   * made while a read is handled wait for its end): the answer is flushed at once. Vert.x's
   * {@code VertxConnection} is not public API; it is the one way to flush a connection now.
   */
  private static void flushBeforeTheClose(RoutingContext ctx) {
    if (ctx.request().connection() instanceof VertxConnection connection) {
      connection.flush();
    }
  }

  private PageError errorFor(RoutingContext ctx, Throwable failure, String[] reference) {
    if (failure instanceof PageError page) {
      return page;
    }
    if (failure instanceof TwitterFailureException twitter) {
      LOG.warn("Twitter call failed on {} {}: {}, {}", ctx.request().method(), ctx.request().path(),
          twitter.failure(), twitter.getMessage());
      return twitterFailures.pageFor(twitter);
    }
    int status = failure instanceof HttpException http ? http.getStatusCode() : ctx.statusCode();
    return switch (status) {
      // vertx-web's BodyHandler fails the request with 200 when its body stream breaks (a chunk
      // that does not decode, a connection closed halfway): the body could not be read.
      case 200 -> PageError.unreadableBody();
      case 400 -> PageError.badRequest("The request could not be read.");
      case 401 -> PageError.notSignedIn();
      case 403 -> PageError.notAllowed();
      case 404 -> new PageError(404, "not_found", "Page not found", "There is no page at this address.",
          PageError.Action.HOME);
      case 405 -> new PageError(405, "method_not_allowed", "Not allowed", "This page cannot be used that way.",
          PageError.Action.HOME);
      case 413 -> new PageError(413, "too_large", "Too much data", "The request was too large.",
          PageError.Action.HOME);
      case 414 -> new PageError(414, "uri_too_long", "Address too long", "The address of this page is too long.",
          PageError.Action.HOME);
      case 431 -> new PageError(431, "headers_too_large", "Request too large",
          "The request's headers are too large. Deleting this site's cookies may help.", PageError.Action.HOME);
      default -> unexpected(ctx, failure, status, reference);
    };
  }

  private PageError unexpected(RoutingContext ctx, Throwable failure, int status, String[] reference) {
    reference[0] = UUID.randomUUID().toString();
    LOG.error("Unexpected failure {} on {} {} (status {})", reference[0], ctx.request().method(), ctx.request().path(),
        status, failure);
    return new PageError(500, "internal_error", "Something went wrong",
        "Something went wrong on our side. Try again, and quote the reference below if it keeps happening.",
        PageError.Action.TRY_AGAIN);
  }

  private static Map<String, Object> model(PageError error, String reference) {
    Map<String, Object> model = new HashMap<>();
    model.put("title", error.title());
    model.put("message", error.getMessage());
    model.put("code", error.code());
    model.put("tryAgain", error.action() == PageError.Action.TRY_AGAIN);
    model.put("reference", reference);
    return model;
  }

  private static String describe(Throwable failure) {
    return failure == null ? "no cause" : failure.getClass().getSimpleName();
  }
}
