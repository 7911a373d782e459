package io.github.twitterlogin.sandbox;

import io.github.twitterlogin.shared.settings.Environment;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Runs the sandbox alone: {@code java -jar twitter-sandbox.jar}, configured by environment variables. */
public final class SandboxMain {

  private SandboxMain() {
  }

  public static void main(String[] args) {
    JsonObject config;
    try {
      config = configFrom(Environment.system());
    } catch (IllegalArgumentException badSetting) {
      System.err.println("Cannot start the sandbox: " + badSetting.getMessage());
      System.exit(2);
      return;
    }
    Vertx vertx = Vertx.vertx();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> close(vertx), "sandbox-shutdown"));
    vertx.deployVerticle(new TwitterSandboxVerticle(), new DeploymentOptions().setConfig(config))
        .onSuccess(deployed -> System.out.println(banner(SandboxSettings.fromJson(config))))
        .onFailure(failure -> {
          System.err.println("Cannot start the sandbox: " + failure.getMessage());
          System.exit(1);
        });
  }

  /** {@code SANDBOX_CONFIG} names a JSON file of settings; the other variables override it. */
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
    if (env.optional("SANDBOX_CONSUMER_KEY").isPresent() || env.optional("SANDBOX_CALLBACK_PREFIX").isPresent()) {
      config.put("consumers", new JsonArray().add(new JsonObject()
          .put("key", env.text("SANDBOX_CONSUMER_KEY", SandboxConsumer.DEFAULT_KEY))
          .put("secret", env.secret("SANDBOX_CONSUMER_SECRET").orElse(SandboxConsumer.DEFAULT_SECRET))
          .put("callbackPrefix", new JsonArray(env.list("SANDBOX_CALLBACK_PREFIX",
              SandboxConsumer.DEFAULT_CALLBACK_PREFIXES)))
          .put("appName", env.text("SANDBOX_APP_NAME", "Twitter Login Gateway"))));
    }
    return config;
  }

  static String banner(SandboxSettings settings) {
    String consumers = String.join(", ", settings.consumers().stream().map(SandboxConsumer::key).toList());
    return String.join("\n",
        "==========================================================================",
        "Twitter SANDBOX: a development tool. It is NOT Twitter; nothing here reaches Twitter.",
        "  Listening on " + settings.effectivePublicUrl() + " (point TWITTER_API_URL at it)",
        "  Consumer keys: " + consumers + (settings.autoApprove() ? " (auto-approve on)" : ""),
        "  Users: " + settings.users().size() + ", consent page at /oauth/authenticate",
        "==========================================================================");
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
    } catch (Exception ignored) {
      // the JVM is exiting either way
    }
  }
}
