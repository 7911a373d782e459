package io.github.twitterlogin.gateway;

import io.vertx.ext.web.MIMEHeader;
import io.vertx.ext.web.RoutingContext;

/** Whether a client asked for JSON rather than a page, by its {@code Accept} header. */
final class ResponseFormat {

  private ResponseFormat() {
  }

  /** The first of {@code application/json} and {@code text/html} in the client's order of preference. */
  static boolean wantsJson(RoutingContext ctx) {
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
