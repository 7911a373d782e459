package io.github.twitterlogin.sandbox;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * A strict local stand-in for Twitter's OAuth 1.0a login and account API, for development and
 * tests: it is not Twitter. Its tokens live in this verticle's memory, so deploy one instance.
 */
public final class TwitterSandboxVerticle extends VerticleBase {

  private final Clock clock;
  private HttpServer server;
  private FaultInjection faults;

  public TwitterSandboxVerticle() {
    this(Clock.systemUTC());
  }

  public TwitterSandboxVerticle(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Future<?> start() {
    return Future.succeededFuture(config())
        .map(SandboxSettings::fromJson)
        .compose(settings -> {
          SandboxPages pages = new SandboxPages(vertx);
          return pages.load(vertx).compose(loaded -> listen(settings, pages));
        });
  }

  private Future<HttpServer> listen(SandboxSettings settings, SandboxPages pages) {
    faults = new FaultInjection(vertx, clock, new SecureRandom(), settings.faults());
    Router router = SandboxRouter.create(vertx, settings, clock, faults, pages,
        () -> settings.publicUrlFor(server != null ? server.actualPort() : settings.port()));
    return vertx.createHttpServer()
        .requestHandler(router)
        .listen(settings.port(), settings.host())
        .onSuccess(listening -> server = listening);
  }

  public int actualPort() {
    return server.actualPort();
  }

  /** Changes the injected faults while the sandbox runs, as the admin endpoint does. */
  public void injectFaults(FaultSettings changed) {
    faults.change(changed);
  }
}
