package io.github.twitterlogin.service;

import io.github.twitterlogin.gateway.AuthFlow;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** What a person sees once the process is up: where to open the browser, and what talks to what. */
final class Banner {

  private Banner() {
  }

  static String of(ServiceSettings settings) {
    return of(settings, new JsonObject());
  }

  /** @param ports the ports taken, which name the gateway and the metrics on port 0 */
  static String of(ServiceSettings settings, JsonObject ports) {
    int httpPort = ports.getInteger("http", settings.gateway().getPort());
    List<String> lines = new ArrayList<>();
    lines.add("Twitter Login Gateway is running (roles: " + roles(settings) + ")");
    if (settings.runs(Role.GATEWAY)) {
      lines.add("  Open " + settings.publicUrl(httpPort) + " in your browser to sign in.");
    }
    settings.sandbox().ifPresent(sandbox -> {
      lines.add("  Twitter is the embedded SANDBOX at " + sandbox.getString("publicUrl")
          + ": a development stand-in, NOT Twitter.");
      lines.add(settings.gateway().getAuth().getFlow() == AuthFlow.OAUTH2
          ? "  Sign-in is OAuth 2.0 with PKCE: set TWITTER_CLIENT_ID and TWITTER_CLIENT_SECRET to use Twitter."
          : "  Set TWITTER_CONSUMER_KEY and TWITTER_CONSUMER_SECRET to use Twitter.");
    });
    if (settings.runs(Role.GATEWAY) && settings.developmentSessionKeys()) {
      lines.add("  Sessions are sealed with the DEVELOPMENT key, known to all: set SESSION_ENCRYPTION_KEYS for real use.");
    }
    if (settings.runs(Role.TWITTER_CLIENT) && settings.sandbox().isEmpty()) {
      lines.add("  Twitter API: " + settings.twitterClient().getApiBaseUrl());
    }
    if (settings.metrics().enabled()) {
      lines.add("  Metrics for Prometheus: http://" + settings.metrics().host() + ":"
          + ports.getInteger("metrics", settings.metrics().port()) + MetricsSettings.PATH);
    }
    lines.add("  Cluster '" + settings.cluster().name() + "': Hazelcast on " + settings.cluster().host() + ":"
        + settings.cluster().port() + (settings.cluster().portAutoIncrement() ? " or the next free port" : "")
        + ", joining " + settings.cluster().members());
    String rule = "=".repeat(lines.stream().mapToInt(String::length).max().orElse(40));
    return rule + "\n" + String.join("\n", lines) + "\n" + rule;
  }

  private static String roles(ServiceSettings settings) {
    return String.join(", ", settings.roles().stream().map(Role::settingName).toList());
  }
}
