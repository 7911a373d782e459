package io.github.twitterlogin.service.process;

import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.concurrent.TimeUnit;

/** Where the tests' browsers come from: one HTTP client, each browser with cookies of its own. */
public final class Browsers implements AutoCloseable {

  private final Vertx vertx = Vertx.vertx();
  // A deadline on every wait for a connection and for bytes, as a browser has.
  private final WebClient client = WebClient.create(vertx, new WebClientOptions()
      .setFollowRedirects(false).setKeepAlive(false).setConnectTimeout(10_000).setIdleTimeout(60));

  public Browser open() {
    return new Browser(client);
  }

  /** For the servers the test runs itself, such as the witness in front of the sandbox. */
  public Vertx vertx() {
    return vertx;
  }

  @Override
  public void close() throws Exception {
    vertx.close().await(30, TimeUnit.SECONDS);
  }
}
