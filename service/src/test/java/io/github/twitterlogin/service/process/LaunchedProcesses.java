package io.github.twitterlogin.service.process;

import io.github.twitterlogin.service.testing.SecretsStayOutOfLogs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the processes of a test class and stops every one it started, whether the test passed
 * or not: after each test those that test started, after the class those started for the class
 * (in {@code @BeforeAll}). Register it as a {@code static @RegisterExtension} field. Logs go to
 * {@code target/process-logs/<test class>/<process name>.log}, and this JVM's own log is copied
 * there as {@code test-jvm.log} after the class. Once every process has stopped, the logs are
 * searched for every secret of the {@link io.github.twitterlogin.service.testing.SecretLedger}:
 * one found fails the class.
 */
public final class LaunchedProcesses implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback {

  /** The service's banner, printed once the process has joined the cluster and deployed its roles. */
  public static final String SERVICE_BANNER = "Twitter Login Gateway is running";
  /** The first line of the standalone sandbox's banner, printed once it listens. */
  public static final String SANDBOX_BANNER = "Twitter SANDBOX: a development tool";

  private static final Duration STOP_DEADLINE = Duration.ofSeconds(60);

  private final List<ServiceProcess> forClass = new ArrayList<>();
  private final List<ServiceProcess> forTest = new ArrayList<>();
  private Path logDirectory;
  private boolean inTest;

  @Override
  public void beforeAll(ExtensionContext context) {
    logDirectory = BuildOutputs.processLogs().resolve(context.getRequiredTestClass().getSimpleName());
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    inTest = true;
  }

  @Override
  public void afterEach(ExtensionContext context) {
    inTest = false;
    stop(forTest);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    stop(forClass);
    try {
      SecretsStayOutOfLogs.check(List.of(logDirectory));
    } finally {
      keepThisJvmsLog();
    }
  }

  /** Where this class's logs go, and any file its processes are given to read. */
  public Path logDirectory() {
    return logDirectory;
  }

  /** Starts a process of the service's jar; returns at once. */
  public ServiceProcess startService(String name, ServiceEnvironment environment) {
    return start(name, BuildOutputs.serviceJar(), SERVICE_BANNER, environment);
  }

  /** Starts the sandbox's standalone jar (it joins no cluster); returns at once. */
  public ServiceProcess startSandbox(String name, ServiceEnvironment environment) {
    return start(name, BuildOutputs.sandboxJar(), SANDBOX_BANNER, environment);
  }

  /** Starts a process of any jar, ready once it prints {@code readyLine}; returns at once. */
  public ServiceProcess start(String name, Path jar, String readyLine, ServiceEnvironment environment) {
    ServiceProcess process = ServiceProcess.start(name, jar, readyLine, environment.variables(), logDirectory);
    (inTest ? forTest : forClass).add(process);
    return process;
  }

  private static void stop(List<ServiceProcess> processes) {
    ServiceProcess.stopAll(List.copyOf(processes), STOP_DEADLINE);
    processes.clear();
  }

  /** Each test class runs in a JVM of its own, whose log file the next class's JVM overwrites. */
  private void keepThisJvmsLog() {
    try {
      Files.createDirectories(logDirectory);
      Files.copy(SecretsStayOutOfLogs.thisJvmsLog(), logDirectory.resolve("test-jvm.log"),
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
