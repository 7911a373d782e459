package io.github.twitterlogin.service.process;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for an outcome with a deadline, checking it again every few milliseconds. */
public final class Eventually {

  private static final Duration POLL_INTERVAL = Duration.ofMillis(50);

  private Eventually() {
  }

  public static void until(String outcome, Duration deadline, BooleanSupplier condition) {
    until(outcome, deadline, condition, () -> "");
  }

  /** @param details added to the failure message, e.g. the log of the process waited for */
  public static void until(String outcome, Duration deadline, BooleanSupplier condition, Supplier<String> details) {
    long end = System.nanoTime() + deadline.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - end > 0) {
        throw new AssertionError("Not seen within " + deadline.toSeconds() + " s: " + outcome + details.get());
      }
      LockSupport.parkNanos(POLL_INTERVAL.toNanos());
    }
  }
}
