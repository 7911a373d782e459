package io.github.twitterlogin.shared.cluster;

import io.github.twitterlogin.shared.settings.Environment;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import java.util.Optional;

/**
 * TLS between the event buses of the cluster's members, from PEM files: this member's key and
 * certificate, and the CA that signs every member's certificate. Each side presents its
 * certificate and checks the other's, so only members holding a certificate of that CA may
 * send messages, a Twitter client's request for a user's token included.
 */
public record EventBusTls(String keyPath, String certPath, String trustedCaPath) {

  public static Optional<EventBusTls> fromEnvironment(Environment env) {
    if (!env.flag("EVENT_BUS_TLS", false)) {
      return Optional.empty();
    }
    return Optional.of(new EventBusTls(
        required(env, "EVENT_BUS_TLS_KEY"), required(env, "EVENT_BUS_TLS_CERT"), required(env, "EVENT_BUS_TLS_CA")));
  }

  void applyTo(EventBusOptions options) {
    options.setSsl(true)
        .setKeyCertOptions(new PemKeyCertOptions().setKeyPath(keyPath).setCertPath(certPath))
        .setTrustOptions(new PemTrustOptions().addCertPath(trustedCaPath))
        .setClientAuth(ClientAuth.REQUIRED);
  }

  private static String required(Environment env, String name) {
    return env.optional(name).orElseThrow(() ->
        new IllegalArgumentException("EVENT_BUS_TLS=true needs " + name + " (a PEM file path)"));
  }
}
