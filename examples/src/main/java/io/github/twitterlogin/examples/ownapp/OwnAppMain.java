package io.github.twitterlogin.examples.ownapp;

import io.github.twitterlogin.service.ServiceMain;
import io.github.twitterlogin.service.WebApp;

/**
 * Runs {@link OwnAppVerticle} as the service runs its gateway: the same environment variables
 * ({@code HTTP_PORT}, {@code PUBLIC_URL}, {@code SESSION_ENCRYPTION_KEYS}, {@code TWITTER_*},
 * {@code CLUSTER_*}, the embedded sandbox without a consumer key), the same roles beside it, the
 * same graceful shutdown; only the web app is this one.
 */
public final class OwnAppMain {

  private OwnAppMain() {
  }

  public static void main(String[] args) {
    ServiceMain.run(options -> {
      OwnAppVerticle app = new OwnAppVerticle(options);
      return new WebApp(app, app::actualPort);
    });
  }
}
