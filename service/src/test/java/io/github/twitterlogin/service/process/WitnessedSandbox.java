package io.github.twitterlogin.service.process;

import io.github.twitterlogin.service.testing.SandboxWitness;
import io.github.twitterlogin.service.testing.SecretLedger;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.Map;

/**
 * The sandbox's standalone jar in a process of its own, on a port the OS gives, and the
 * {@link SandboxWitness} in front of it in this JVM: Twitter clients are given the witness's URL,
 * so that every signature is also checked independently and every secret the sandbox issues is
 * known to the search of the logs. The sandbox's admin is asked directly, past the witness.
 */
public final class WitnessedSandbox {

  private static final String EXPIRE_ACCESS_TOKENS = "/sandbox/admin/oauth2/expire-access-tokens";

  private final ServiceProcess process;
  private final TestApp app;
  private SandboxWitness witness;
  private WebClient admin;

  private WitnessedSandbox(ServiceProcess process, TestApp app) {
    this.process = process;
    this.app = app;
  }

  /** Starts the process and returns at once. */
  public static WitnessedSandbox start(LaunchedProcesses processes, TestApp app, ServiceEnvironment environment) {
    return new WitnessedSandbox(processes.startSandbox("sandbox", environment), app);
  }

  public static WitnessedSandbox start(LaunchedProcesses processes, TestApp app) {
    return start(processes, app, ServiceEnvironment.sandbox(app));
  }

  public ServiceProcess process() {
    return process;
  }

  /** Waits for the sandbox to listen, then puts the witness in front of it. */
  public SandboxWitness awaitWitness(Vertx vertx) throws Exception {
    if (witness == null) {
      process.awaitReady();
      SecretLedger.record("OAuth 2.0 client secret", app.clientSecret());
      witness = SandboxWitness.start(vertx, "http://127.0.0.1:" + process.port("sandbox"),
          Map.of(app.key(), app.secret()));
      admin = WebClient.create(vertx, new WebClientOptions().setConnectTimeout(5_000).setIdleTimeout(30));
    }
    return witness;
  }

  /**
   * The sandbox ends the user's OAuth 2.0 access tokens now, her refresh token still good (its
   * admin's {@code expire-access-tokens}); returns how many it ended.
   */
  public int expireOAuth2AccessTokens(String userId) {
    if (admin == null) {
      throw new IllegalStateException("awaitWitness first: the sandbox may not listen yet");
    }
    HttpResponse<Buffer> expired = Browser.await(admin.post(process.port("sandbox"), "127.0.0.1", EXPIRE_ACCESS_TOKENS)
        .sendJsonObject(new JsonObject().put("userId", userId)));
    if (expired.statusCode() != 200) {
      throw new AssertionError("The sandbox's admin answered " + expired.statusCode() + ": " + expired.bodyAsString());
    }
    return expired.bodyAsJsonObject().getInteger("expiredAccessTokens");
  }
}
