package io.github.twitterlogin.service.process;

import io.github.twitterlogin.service.testing.SandboxWitness;
import io.vertx.core.Vertx;
import java.util.Map;

/**
 * The sandbox's standalone jar in a process of its own, on a port the OS gives, and the
 * {@link SandboxWitness} in front of it in this JVM: Twitter clients are given the witness's URL,
 * so that every signature is also checked independently and every secret the sandbox issues is
 * known to the search of the logs.
 */
public final class WitnessedSandbox {

  private final ServiceProcess process;
  private final TestApp app;
  private SandboxWitness witness;

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
      witness = SandboxWitness.start(vertx, "http://127.0.0.1:" + process.port("sandbox"),
          Map.of(app.key(), app.secret()));
    }
    return witness;
  }
}
