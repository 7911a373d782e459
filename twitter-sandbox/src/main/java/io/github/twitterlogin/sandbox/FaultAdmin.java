package io.github.twitterlogin.sandbox;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;

/**
 * {@code GET} and {@code PUT /sandbox/admin/faults}: reads and replaces the injected faults while
 * the sandbox runs; and the check that every admin request passes first. Only served when the
 * admin endpoint is enabled (by default, on loopback). It has no authentication. A web page in
 * the developer's browser cannot use it: a cross-origin request with a JSON body needs a CORS
 * preflight that the sandbox never approves, and a page that rebinds its own host name to
 * 127.0.0.1 (DNS rebinding) is same-origin with itself, not with the sandbox, so its requests
 * carry its own name in {@code Host}: only loopback names are served.
 */
final class FaultAdmin {

  private final FaultInjection faults;

  FaultAdmin(FaultInjection faults) {
    this.faults = faults;
  }

  /** Every admin request passes here first. */
  void requireLoopbackHost(RoutingContext ctx) {
    if (!isLoopbackHost(ctx.request().getHeader("Host"))) {
      TwitterAnswers.json(ctx, 403, error("the sandbox's admin answers only requests addressed to 127.0.0.1, [::1]"
          + " or localhost"));
      return;
    }
    ctx.next();
  }

  void read(RoutingContext ctx) {
    TwitterAnswers.json(ctx, 200, faults.current().toJson());
  }

  void replace(RoutingContext ctx) {
    AdminBody.read(ctx, "fault settings").ifPresent(body -> replace(ctx, body));
  }

  private void replace(RoutingContext ctx, JsonObject body) {
    FaultSettings changed;
    try {
      changed = FaultSettings.fromJson(body);
    } catch (IllegalArgumentException invalid) {
      TwitterAnswers.json(ctx, 400, error("invalid fault settings: " + invalid.getMessage()));
      return;
    }
    faults.change(changed);
    TwitterAnswers.json(ctx, 200, changed.toJson());
  }

  /** {@code 127.0.0.1}, {@code [::1]} or {@code localhost}, with or without a port. */
  static boolean isLoopbackHost(String host) {
    if (host == null) {
      return false;
    }
    String name = host.toLowerCase(Locale.ROOT);
    if (name.startsWith("[::1]")) {
      return name.length() == 5 || isPort(name.substring(5));
    }
    int colon = name.lastIndexOf(':');
    String hostName = colon < 0 ? name : name.substring(0, colon);
    return (hostName.equals("127.0.0.1") || hostName.equals("localhost")) && (colon < 0 || isPort(name.substring(colon)));
  }

  private static boolean isPort(String colonAndPort) {
    return colonAndPort.matches(":[0-9]{1,5}");
  }

  private static JsonObject error(String message) {
    return AdminBody.error(message);
  }
}
