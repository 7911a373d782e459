package io.github.twitterlogin.sandbox;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET} and {@code PUT /sandbox/admin/faults}: reads and replaces the injected faults while
 * the sandbox runs. Only served when the admin endpoint is enabled (by default, on loopback).
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
    FaultSettings changed;
    try {
      changed = FaultSettings.fromJson(ctx.body().asJsonObject());
    } catch (DecodeException | IllegalArgumentException | ClassCastException invalid) {
      TwitterAnswers.json(ctx, 400, new JsonObject().put("error", "invalid fault settings: " + invalid.getMessage()));
      return;
    }
    faults.change(changed);
    TwitterAnswers.json(ctx, 200, changed.toJson());
  }
}
