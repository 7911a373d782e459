package io.github.twitterlogin.sandbox;

import io.github.twitterlogin.shared.settings.Environment;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the sandbox alone: {@code java -jar twitter-sandbox.jar}, configured by environment variables. */
public final class SandboxMain {

  private static final List<String> CONSUMER_VARIABLES = List.of("SANDBOX_CONSUMER_KEY", "SANDBOX_CONSUMER_SECRET",
      "SANDBOX_CALLBACK_URLS", "SANDBOX_CALLBACK_PREFIXES", "SANDBOX_CALLBACK_PREFIX", "SANDBOX_APP_NAME",
      "SANDBOX_ACCESS_LEVEL", "SANDBOX_LIMITED_V11_ACCESS");
  private static final List<String> CLIENT_VARIABLES = List.of("SANDBOX_CLIENT_ID", "SANDBOX_CLIENT_SECRET",
      "SANDBOX_CALLBACK_URLS", "SANDBOX_CALLBACK_PREFIXES", "SANDBOX_CALLBACK_PREFIX", "SANDBOX_APP_NAME");

  private SandboxMain() {
  }

  public static void main(String[] args) {
    JsonObject config;
    SandboxSettings settings;
    try {
      config = configFrom(Environment.system());
      settings = SandboxSettings.fromJson(config);
    } catch (IllegalArgumentException badSetting) {
      System.err.println("Cannot start the sandbox: " + badSetting.getMessage());
      System.exit(2);
      return;
    }
    Vertx vertx = Vertx.vertx();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> close(vertx), "sandbox-shutdown"));
    TwitterSandboxVerticle sandbox = new TwitterSandboxVerticle();
    try {
      vertx.deployVerticle(sandbox, new DeploymentOptions().setConfig(config)).await();
    } catch (Exception failure) {
      System.err.println("Cannot start the sandbox: " + failure);
      System.exit(1);
    }
    reportPort(Environment.system(), sandbox.actualPort());
    System.out.println(banner(settings.withActualPort(sandbox.actualPort())));
  }

  /**
   * {@code PORTS_FILE}, when set, receives {@code {"sandbox":<port>}} once the sandbox listens:
   * how whoever started it on port 0 learns the port. Written whole, then moved into place, so a
   * reader never sees half of it; before the banner, so that whoever waits for it finds the file.
   */
  private static void reportPort(Environment env, int port) {
    env.optional("PORTS_FILE").ifPresent(file -> {
      try {
        Path target = Path.of(file);
        Path partial = Path.of(file + ".partial");
        Files.writeString(partial, new JsonObject().put("sandbox", port).encode());
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException cannotWrite) {
        System.err.println("Cannot write PORTS_FILE " + file + ": " + cannotWrite);
        System.exit(1);
      }
    });
  }

  /**
   * {@code SANDBOX_CONFIG} names a JSON file of settings; the other variables override it. Any of
   * the consumer variables replaces the configured consumers with one, the others at their
   * defaults, and any of the OAuth 2.0 client variables the configured clients; the callback
   * variables register their URLs for both.
   */
  static JsonObject configFrom(Environment env) {
    JsonObject config = env.optional("SANDBOX_CONFIG")
        .map(path -> readJson(Path.of(path)))
        .orElseGet(JsonObject::new);
    env.optional("SANDBOX_HOST").ifPresent(host -> config.put("host", host));
    if (env.optional("SANDBOX_PORT").isPresent()) {
      config.put("port", env.port("SANDBOX_PORT", SandboxSettings.DEFAULT_PORT));
    }
    env.optional("SANDBOX_PUBLIC_URL").ifPresent(url -> config.put("publicUrl", env.httpUrl("SANDBOX_PUBLIC_URL", url)));
    flag(env, config, "SANDBOX_AUTO_APPROVE", "autoApprove");
    flag(env, config, "SANDBOX_LOAD_MODE", "loadMode");
    flag(env, config, "SANDBOX_REMEMBER_APPROVALS", "rememberApprovals");
    if (CONSUMER_VARIABLES.stream().anyMatch(name -> env.optional(name).isPresent())) {
      config.put("consumers", new JsonArray().add(callbacks(env, new JsonObject()
          .put("key", env.text("SANDBOX_CONSUMER_KEY", SandboxConsumer.DEFAULT_KEY))
          .put("secret", env.secret("SANDBOX_CONSUMER_SECRET").orElse(SandboxConsumer.DEFAULT_SECRET))
          .put("appName", env.text("SANDBOX_APP_NAME", SandboxConsumer.DEFAULT_APP_NAME))
          .put("accessLevel", env.text("SANDBOX_ACCESS_LEVEL", SandboxConsumer.DEFAULT_ACCESS_LEVEL.header()))
          .put("limitedV11Access", env.flag("SANDBOX_LIMITED_V11_ACCESS", false)),
          "callbackUrls", "callbackPrefixes")));
    }
    if (CLIENT_VARIABLES.stream().anyMatch(name -> env.optional(name).isPresent())) {
      config.put("oauth2Clients", new JsonArray().add(callbacks(env, new JsonObject()
          .put("clientId", env.text("SANDBOX_CLIENT_ID", SandboxOAuth2Client.DEFAULT_CLIENT_ID))
          .put("clientSecret", env.secret("SANDBOX_CLIENT_SECRET").orElse(SandboxOAuth2Client.DEFAULT_CLIENT_SECRET))
          .put("appName", env.text("SANDBOX_APP_NAME", SandboxConsumer.DEFAULT_APP_NAME)),
          "redirectUris", "redirectUriPrefixes")));
    }
    return config;
  }

  private static void flag(Environment env, JsonObject config, String variable, String key) {
    if (env.optional(variable).isPresent()) {
      config.put(key, env.flag(variable, false));
    }
  }

  /** {@code SANDBOX_CALLBACK_PREFIX} is the older name of {@code SANDBOX_CALLBACK_PREFIXES}. */
  private static JsonObject callbacks(Environment env, JsonObject app, String urlsKey, String prefixesKey) {
    List<String> prefixes = env.list("SANDBOX_CALLBACK_PREFIXES", env.list("SANDBOX_CALLBACK_PREFIX",
        SandboxConsumer.DEFAULT_CALLBACK_PREFIXES));
    return app.put(urlsKey, new JsonArray(env.list("SANDBOX_CALLBACK_URLS", SandboxConsumer.DEFAULT_CALLBACK_URLS)))
        .put(prefixesKey, new JsonArray(prefixes));
  }

  /**
   * Says what this is, where it listens and which consumer keys it knows. A secret is shown only
   * when it is the published default, which is no secret; any other stays out of logs.
   */
  static String banner(SandboxSettings settings) {
    List<String> lines = new ArrayList<>();
    lines.add("Twitter SANDBOX: a development tool. It is NOT Twitter; nothing here reaches Twitter.");
    lines.add("  Listening on " + settings.host() + ":" + settings.port() + ", reached at "
        + settings.effectivePublicUrl());
    lines.add("  Point the service at it: TWITTER_API_URL=" + settings.effectivePublicUrl());
    for (SandboxConsumer consumer : settings.consumers()) {
      lines.add("  OAuth 1.0a consumer key " + consumer.key() + shownSecret(consumer.secret(), SandboxConsumer.DEFAULT_SECRET)
          + ", " + consumer.accessLevel().header() + callbacks(consumer.callbacks()));
    }
    for (SandboxOAuth2Client client : settings.oauth2Clients()) {
      lines.add("  OAuth 2.0 client id " + client.clientId() + (client.isConfidential()
          ? shownSecret(client.clientSecret(), SandboxOAuth2Client.DEFAULT_CLIENT_SECRET) : ", public (no secret)")
          + callbacks(client.redirectUris()));
    }
    lines.add("  " + settings.users().size() + " sandbox users; " + (settings.loadMode()
        ? "LOAD MODE is ON: every login is a new user, approved at once, no per-user rate limits"
        : settings.autoApprove() ? "auto-approve is ON: no consent page" : "consent page at /oauth/authenticate"));
    lines.add("  Admin (loopback only): " + (settings.adminEnabled() ? settings.effectivePublicUrl()
        + "/sandbox/admin/faults, " + settings.effectivePublicUrl() + "/sandbox/admin/oauth2/expire-access-tokens" : "off"));
    if (!settings.isLoopback()) {
      lines.add("  WARNING: bound to " + settings.host() + ", reachable from other machines. Keep it off shared networks.");
    }
    String rule = "=".repeat(lines.stream().mapToInt(String::length).max().orElse(40));
    return rule + "\n" + String.join("\n", lines) + "\n" + rule;
  }

  private static String shownSecret(String secret, String publishedDefault) {
    return secret.equals(publishedDefault) ? ", secret " + publishedDefault + " (the published default)"
        : " (secret not shown)";
  }

  private static String callbacks(RegisteredCallbacks callbacks) {
    return ", callbacks " + (callbacks.urls().isEmpty() ? "(none exactly)" : String.join(" ", callbacks.urls()))
        + (callbacks.developmentPrefixes().isEmpty() ? ""
            : " and, a DEVELOPMENT setting, any URL under " + String.join(" or ", callbacks.developmentPrefixes()));
  }

  private static JsonObject readJson(Path path) {
    try {
      return new JsonObject(Files.readString(path));
    } catch (IOException | RuntimeException unreadable) {
      throw new IllegalArgumentException("SANDBOX_CONFIG " + path + " is not a readable JSON file");
    }
  }

  private static void close(Vertx vertx) {
    try {
      vertx.close().await(10, TimeUnit.SECONDS);
    } catch (Exception notClosedInTime) {
      System.err.println("The sandbox did not stop within 10 s: " + notClosedInTime);
    }
  }
}
