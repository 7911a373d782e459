package io.github.twitterlogin.sandbox;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;

/**
 * {@code GET} and {@code PUT /sandbox/admin/faults}: reads and replaces the injected faults while
 * the sandbox runs. Only served when the admin endpoint is enabled (by default, on loopback). It
 * has no authentication; a web page in the developer's browser cannot use it, since a
 * cross-origin PUT of JSON needs a CORS preflight that the sandbox never approves.
 */
final class FaultAdmin {

  private final FaultInjection faults;

  FaultAdmin(FaultInjection faults) {
    this.faults = faults;
  }

  void read(RoutingContext ctx) {
    TwitterAnswers.json(ctx, 200, faults.current().toJson());
  }

  void replace(RoutingContext ctx) {
    String contentType = ctx.request().getHeader("Content-Type");
    if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      TwitterAnswers.json(ctx, 415, new JsonObject().put("error", "send the fault settings as application/json"));
      return;
    }
    FaultSettings changed;
    try {
      JsonObject body = ctx.body().asJsonObject();
      if (body == null) {
        throw new IllegalArgumentException("the body is empty");
      }
      changed = FaultSettings.fromJson(body);
    } catch (DecodeException | IllegalArgumentException | ClassCastException invalid) {
      TwitterAnswers.json(ctx, 400, new JsonObject().put("error", "invalid fault settings: " + invalid.getMessage()));
      return;
    }
    faults.change(changed);
    TwitterAnswers.json(ctx, 200, changed.toJson());
  }
}
