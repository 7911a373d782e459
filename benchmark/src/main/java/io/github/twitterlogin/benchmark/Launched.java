package io.github.twitterlogin.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Every process the benchmark started, stopped together when it ends: on success, on failure
 * ({@link #close}) and on Ctrl-C or SIGTERM (a shutdown hook), SIGTERM first and SIGKILL for any
 * still running at the deadline.
 */
final class Launched implements AutoCloseable {

  private static final Duration STOP_DEADLINE = Duration.ofSeconds(30);

  private final List<LaunchedProcess> processes = new ArrayList<>();
  private final Thread shutdownHook = new Thread(this::stopAll, "login-benchmark-stop-processes");

  Launched() {
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  synchronized LaunchedProcess add(LaunchedProcess process) {
    processes.add(process);
    return process;
  }

  synchronized void stopAll() {
    processes.stream().filter(LaunchedProcess::isAlive).forEach(LaunchedProcess::terminate);
    long deadline = System.nanoTime() + STOP_DEADLINE.toNanos();
    processes.forEach(process -> process.awaitExitOrKill(deadline));
  }

  @Override
  public void close() {
    stopAll();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException alreadyShuttingDown) {
      // The hook is running or has run: the processes are stopped either way.
    }
  }
}
