package io.github.twitterlogin.service.process;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One process started from a built jar as an operator starts it: {@code java -jar} with an
 * environment of its own and nothing inherited, its output in a log file. Every process still
 * running when the test JVM exits is killed by a shutdown hook, the last resort should a test's
 * own cleanup not run.
 */
public final class ServiceProcess {

  // A small heap and one GC thread each: several of these JVMs share the machine with the tests.
  // Our own code logs at debug, so that the search of the logs for secrets reads its debug lines
  // too; a member joins at once, since the cluster it joins is already up.
  private static final List<String> JVM_OPTIONS = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
      "-Dorg.slf4j.simpleLogger.log.io.github.twitterlogin=debug", "-Dhazelcast.wait.seconds.before.join=1");
  private static final Duration READY_DEADLINE = Duration.ofSeconds(120);
  private static final int LOG_TAIL_LINES = 60;
  private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(
        () -> RUNNING.forEach(Process::destroyForcibly), "kill-test-processes"));
  }

  private final String name;
  private final Process process;
  private final Path log;
  private final Path portsFile;
  private final String readyLine;

  private ServiceProcess(String name, Process process, Path log, Path portsFile, String readyLine) {
    this.name = name;
    this.process = process;
    this.log = log;
    this.portsFile = portsFile;
    this.readyLine = readyLine;
  }

  /**
   * Starts the process and returns at once; {@link #awaitReady} waits for it. The process is
   * told to write the ports it got to {@code PORTS_FILE}, next to its log.
   *
   * @param readyLine what the process prints once it is ready (its banner), after its ports file
   */
  public static ServiceProcess start(
      String name, Path jar, String readyLine, Map<String, String> environment, Path logDirectory) {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(JVM_OPTIONS);
    command.add("-jar");
    command.add(jar.toString());
    try {
      Files.createDirectories(logDirectory);
      Path log = logDirectory.resolve(name + ".log");
      Path portsFile = logDirectory.resolve(name + ".ports.json");
      Files.deleteIfExists(portsFile);
      ProcessBuilder builder = new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(log.toFile());
      builder.environment().clear();
      builder.environment().putAll(environment);
      builder.environment().put("PORTS_FILE", portsFile.toString());
      Process process = builder.start();
      RUNNING.add(process);
      process.onExit().thenRun(() -> RUNNING.remove(process));
      return new ServiceProcess(name, process, log, portsFile, readyLine);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start " + name + ": " + command, e);
    }
  }

  public long pid() {
    return process.pid();
  }

  public String name() {
    return name;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Waits for each process to be ready; processes started together start side by side meanwhile. */
  public static void awaitAllReady(ServiceProcess... processes) {
    for (ServiceProcess process : processes) {
      process.awaitReady();
    }
  }

  /** Waits until the process has printed its ready line; fails at once, with its log, if it exits. */
  public void awaitReady() {
    Eventually.until(name + " printing \"" + readyLine + "\"", READY_DEADLINE,
        () -> log().contains(readyLine) || !process.isAlive(), this::logTail);
    if (!log().contains(readyLine)) {
      throw new AssertionError(name + " exited with " + process.exitValue() + " before printing \"" + readyLine
          + "\"" + logTail());
    }
  }

  /** The ports the ready process listens on, as it reported them: {@code http}, {@code cluster}, {@code sandbox}... */
  public JsonObject ports() {
    try {
      return new JsonObject(Files.readString(portsFile));
    } catch (IOException | RuntimeException unreadable) {
      throw new AssertionError(name + " has not reported its ports in " + portsFile + logTail(), unreadable);
    }
  }

  /** The gateway's HTTP port. */
  public int httpPort() {
    return port("http");
  }

  /** {@code 127.0.0.1:port} of its Hazelcast member, for the members that join through it. */
  public String clusterAddress() {
    return "127.0.0.1:" + port("cluster");
  }

  public int port(String name) {
    Integer port = ports().getInteger(name);
    if (port == null) {
      throw new AssertionError(this.name + " reported no " + name + " port: " + ports());
    }
    return port;
  }

  /** SIGTERM, as an orchestrator stops a process; returns at once. */
  public void sendTerminationSignal() {
    process.destroy();
  }

  /** SIGTERM, then waits for the process to exit; returns its exit status. */
  public int terminate(Duration deadline) {
    sendTerminationSignal();
    return awaitExit(deadline);
  }

  public int awaitExit(Duration deadline) {
    try {
      if (!process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new AssertionError(name + " did not exit within " + deadline.toSeconds() + " s" + logTail());
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("Interrupted while waiting for " + name + " to exit", e);
    }
  }

  /** SIGKILL: the process vanishes without leaving the cluster, as on a crash or a lost machine. */
  public void kill() {
    process.destroyForcibly();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("Interrupted while killing " + name, e);
    }
  }

  /** SIGTERM to each process, then SIGKILL to those still running at the deadline. */
  public static void stopAll(List<ServiceProcess> processes, Duration deadline) {
    processes.stream().filter(ServiceProcess::isAlive).forEach(ServiceProcess::sendTerminationSignal);
    long end = System.nanoTime() + deadline.toNanos();
    for (ServiceProcess started : processes) {
      try {
        long left = Math.max(0, end - System.nanoTime());
        if (!started.process.waitFor(left, TimeUnit.NANOSECONDS)) {
          started.kill();
        }
      } catch (InterruptedException e) {
        started.process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }

  public String log() {
    try {
      // Read as bytes: the process may be in the middle of writing a character.
      return new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  public String logTail() {
    List<String> lines = log().lines().toList();
    List<String> tail = lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size());
    return "\n--- last " + tail.size() + " lines of " + log + " ---\n" + String.join("\n", tail);
  }

  @Override
  public String toString() {
    return name + " (pid " + process.pid() + ")";
  }
}
