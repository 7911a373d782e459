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

  private static final List<String> CONSUMER_VARIABLES = List.of(
      "SANDBOX_CONSUMER_KEY", "SANDBOX_CONSUMER_SECRET", "SANDBOX_CALLBACK_PREFIX", "SANDBOX_APP_NAME");

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
   * the consumer variables replaces the configured consumers with one, the others at their defaults.
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
    if (env.optional("SANDBOX_AUTO_APPROVE").isPresent()) {
      config.put("autoApprove", env.flag("SANDBOX_AUTO_APPROVE", false));
    }
    if (CONSUMER_VARIABLES.stream().anyMatch(name -> env.optional(name).isPresent())) {
      config.put("consumers", new JsonArray().add(new JsonObject()
          .put("key", env.text("SANDBOX_CONSUMER_KEY", SandboxConsumer.DEFAULT_KEY))
          .put("secret", env.secret("SANDBOX_CONSUMER_SECRET").orElse(SandboxConsumer.DEFAULT_SECRET))
          .put("callbackPrefix", new JsonArray(env.list("SANDBOX_CALLBACK_PREFIX",
              SandboxConsumer.DEFAULT_CALLBACK_PREFIXES)))
          .put("appName", env.text("SANDBOX_APP_NAME", SandboxConsumer.DEFAULT_APP_NAME))));
    }
    return config;
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
      lines.add("  Consumer key " + consumer.key() + (consumer.secret().equals(SandboxConsumer.DEFAULT_SECRET)
          ? ", secret " + SandboxConsumer.DEFAULT_SECRET + " (the published default)"
          : " (secret not shown)") + ", callbacks under " + String.join(" or ", consumer.callbackPrefixes()));
    }
    lines.add("  " + settings.users().size() + " sandbox users; "
        + (settings.autoApprove() ? "auto-approve is ON: no consent page" : "consent page at /oauth/authenticate"));
    lines.add("  Fault admin: " + (settings.adminEnabled() ? settings.effectivePublicUrl() + "/sandbox/admin/faults" : "off"));
    if (!settings.isLoopback()) {
      lines.add("  WARNING: bound to " + settings.host() + ", reachable from other machines. Keep it off shared networks.");
    }
    String rule = "=".repeat(lines.stream().mapToInt(String::length).max().orElse(40));
    return rule + "\n" + String.join("\n", lines) + "\n" + rule;
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
