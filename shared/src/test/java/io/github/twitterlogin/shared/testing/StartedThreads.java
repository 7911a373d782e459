package io.github.twitterlogin.shared.testing;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Counts the threads this JVM starts from now on, whatever starts them and however briefly they
 * live ({@link ThreadMXBean#getTotalStartedThreadCount}), so that a test can assert that a loop of
 * operations or logins starts no thread per iteration. Start counting after a warm-up: pools fill
 * up lazily.
 */
public final class StartedThreads {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final long startedBefore;
  private final Set<Thread> aliveBefore;

  private StartedThreads() {
    this.aliveBefore = Thread.getAllStackTraces().keySet();
    this.startedBefore = THREADS.getTotalStartedThreadCount();
  }

  public static StartedThreads countFromNow() {
    return new StartedThreads();
  }

  /** Threads started since {@link #countFromNow}, those that already ended included. */
  public long count() {
    return THREADS.getTotalStartedThreadCount() - startedBefore;
  }

  /**
   * The names of the threads started since then that are still alive, for an assertion's message:
   * a pool that grows shows here; threads that came and went show only in {@link #count}.
   */
  public String stillAlive() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> !aliveBefore.contains(thread))
        .map(Thread::getName)
        .sorted()
        .collect(Collectors.joining(", ", "[", "]"));
  }
}
