package io.github.twitterlogin.gateway.impl;

import io.vertx.ext.web.MIMEHeader;
import io.vertx.ext.web.RoutingContext;

/**
 * Whether a client asked for JSON rather than a page: by its {@code Accept} header, or by
 * {@code X-Requested-With}, which scripts send and browsers' own navigations never do.
 */
final class ResponseFormat {

  private ResponseFormat() {
  }

  /** The first of {@code application/json} and {@code text/html} in the client's order of preference. */
  static boolean wantsJson(RoutingContext ctx) {
    if (ctx.request().getHeader("X-Requested-With") != null) {
      return true;
    }
    for (MIMEHeader accepted : ctx.parsedHeaders().accept()) {
      String type = accepted.component() + "/" + accepted.subComponent();
      if (type.equals("application/json")) {
        return true;
      }
      if (type.equals("text/html")) {
        return false;
      }
    }
    return false;
  }
}
