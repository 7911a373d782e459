package io.github.twitterlogin.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A process of a built jar, started as an operator starts it ({@code java -jar}, an environment
 * of its own and nothing inherited), its output in a log file. {@link Launched} stops it.
 */
final class LaunchedProcess {

  private static final long POLL_MILLIS = 100;

  private final String name;
  private final Process process;
  private final Path log;

  private LaunchedProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  static LaunchedProcess start(String name, List<String> jvmOptions, Path jar, Map<String, String> environment,
      Path logDirectory) {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(jar.toString());
    try {
      Files.createDirectories(logDirectory);
      Path log = logDirectory.resolve(name + ".log");
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().clear();
      builder.environment().putAll(environment);
      return new LaunchedProcess(name, builder.start(), log);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start " + name + ": " + command, e);
    }
  }

  String name() {
    return name;
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  Path log() {
    return log;
  }

  /** Waits until the process has printed {@code readyLine}; fails at once if it exits first. */
  void awaitReady(String readyLine, Duration deadline) throws InterruptedException {
    long end = System.nanoTime() + deadline.toNanos();
    while (!logText().contains(readyLine)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited with " + process.exitValue() + " before it was ready; see "
            + log);
      }
      if (System.nanoTime() > end) {
        throw new IllegalStateException(name + " was not ready within " + deadline.toSeconds() + " s; see " + log);
      }
      Thread.sleep(POLL_MILLIS);
    }
  }

  /** SIGTERM, as an orchestrator stops a process; returns at once. */
  void terminate() {
    process.destroy();
  }

  /** Waits for the process to exit, then SIGKILL if it has not by the deadline. */
  void awaitExitOrKill(long deadlineNanos) {
    try {
      long left = Math.max(0, deadlineNanos - System.nanoTime());
      if (!process.waitFor(left, TimeUnit.NANOSECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException interrupted) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private String logText() {
    try {
      // Bytes, not lines: the process may be in the middle of writing a character.
      return new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
    } catch (IOException notYetWritten) {
      return "";
    }
  }

  @Override
  public String toString() {
    return name + " (pid " + process.pid() + ")";
  }
}
