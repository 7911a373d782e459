package io.github.twitterlogin.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ProcFsTest {

  // proc(5): pid (comm) state ppid pgrp session tty_nr tpgid flags minflt cminflt majflt cmajflt utime stime ...
  private static final String STAT = "4242 (java) S 1 4242 4242 0 -1 4194560 51234 0 12 0 1500 250 3 1 20 0 41 0"
      + " 123456 7654321 98765 18446744073709551615 1 1 0 0 0 0 0 4096 17102 0 0 0 17 1 0 0 0 0 0\n";

  @Test
  void cpuTimeIsUserPlusSystemTicks() {
    assertThat(ProcFs.cpuTicks(STAT)).isEqualTo(1500 + 250);
  }

  @Test
  void aCommandWithSpacesAndParenthesesDoesNotShiftTheFields() {
    String stat = STAT.replace("(java)", "(my (odd) cmd)");

    assertThat(ProcFs.cpuTicks(stat)).isEqualTo(1750);
  }

  @Test
  void aLineThatIsNoStatLineIsRefused() {
    assertThatThrownBy(() -> ProcFs.cpuTicks("4242 java S 1")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ProcFs.cpuTicks("4242 (java) S 1 2 3")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theCommandIsWhatTheParenthesesHold() {
    assertThat(ProcFs.command(STAT.replace("(java)", "(my (odd) cmd)"))).isEqualTo("my (odd) cmd");
    assertThatThrownBy(() -> ProcFs.command("4242 java S 1")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void threadsAreToldByTheirNamesAsLinuxKeepsThem() {
    assertThat(ProcFs.ThreadKind.of("vert.x-eventloo")).isEqualTo(ProcFs.ThreadKind.EVENT_LOOPS);
    assertThat(ProcFs.ThreadKind.of("hz.vibrant_carv")).isEqualTo(ProcFs.ThreadKind.HAZELCAST);
    assertThat(ProcFs.ThreadKind.of("C2 CompilerThre")).isEqualTo(ProcFs.ThreadKind.JIT);
    assertThat(ProcFs.ThreadKind.of("C1 CompilerThre")).isEqualTo(ProcFs.ThreadKind.JIT);
    assertThat(ProcFs.ThreadKind.of("GC Thread#1")).isEqualTo(ProcFs.ThreadKind.GC);
    assertThat(ProcFs.ThreadKind.of("G1 Conc#0")).isEqualTo(ProcFs.ThreadKind.GC);
    assertThat(ProcFs.ThreadKind.of("vert.x-worker-t")).isEqualTo(ProcFs.ThreadKind.OTHER);
    assertThat(ProcFs.ThreadKind.of("hazelcast-async")).isEqualTo(ProcFs.ThreadKind.OTHER);
  }

  @Test
  void aThreadsCpuIsCountedUnderItsKindWhileItLives() throws Exception {
    long pid = ProcessHandle.current().pid();
    long before = ProcFs.cpuNanosByThreadKind(pid).getOrDefault(ProcFs.ThreadKind.EVENT_LOOPS, 0L);
    long spin = TimeUnit.MILLISECONDS.toNanos(200);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    CountDownLatch spun = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread loop = new Thread(() -> {
      long start = threads.getCurrentThreadCpuTime();
      while (threads.getCurrentThreadCpuTime() - start < spin) {
        Thread.onSpinWait();
      }
      spun.countDown();
      try {
        release.await();
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
      }
    }, "vert.x-eventloop-thread-99");
    loop.setDaemon(true);
    loop.start();
    try {
      assertThat(spun.await(30, TimeUnit.SECONDS)).isTrue();

      Map<ProcFs.ThreadKind, Long> during = ProcFs.cpuNanosByThreadKind(pid);

      // Linux counts in ticks (10 ms): the 200 ms show as at least 190.
      assertThat(during.get(ProcFs.ThreadKind.EVENT_LOOPS) - before)
          .isGreaterThanOrEqualTo(spin - TimeUnit.MILLISECONDS.toNanos(10));
      assertThat(during.values().stream().mapToLong(Long::longValue).sum()).isLessThanOrEqualTo(ProcFs.cpuNanos(pid));
    } finally {
      release.countDown();
      loop.join(TimeUnit.SECONDS.toMillis(30));
    }
  }

  @Test
  void residentMemoryIsReadFromVmRss() {
    String status = "Name:\tjava\nVmPeak:\t 9000000 kB\nVmHWM:\t  400000 kB\nVmRSS:\t  312344 kB\nThreads:\t41\n";

    assertThat(ProcFs.rssKib(status)).isEqualTo(312344);
  }

  @Test
  void aProcessWithoutVmRssHasNone() {
    assertThat(ProcFs.rssKib("Name:\tkthreadd\nState:\tS (sleeping)\n")).isZero();
  }

  @Test
  void ticksAreConvertedAtTheSystemsClockRate() {
    assertThat(ProcFs.ticksToNanos(ProcFs.CLOCK_TICKS_PER_SECOND)).isEqualTo(1_000_000_000L);
  }

  @Test
  void theMachineIsBusyForAllButIdleAndIoWait() {
    String stat = "cpu  1000 20 300 50000 70 5 6 7 0 0\ncpu0 500 10 150 25000 35 2 3 3 0 0\nintr 1 2 3\n";

    assertThat(ProcFs.busyTicks(stat)).isEqualTo(1000 + 20 + 300 + 5 + 6 + 7);
  }

  @Test
  void aFileThatIsNoProcStatIsRefused() {
    assertThatThrownBy(() -> ProcFs.busyTicks("intr 1 2 3\n")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void thisJvmHasSpentCpuAndHoldsMemory() {
    long pid = ProcessHandle.current().pid();

    long before = ProcFs.cpuNanos(pid);

    assertThat(before).isPositive();
    assertThat(ProcFs.cpuNanos(pid)).isGreaterThanOrEqualTo(before);
    assertThat(ProcFs.rssKib(pid)).isPositive();
    assertThat(ProcFs.loadAverage()).isNotNegative();
    assertThat(ProcFs.machineBusyNanos()).isGreaterThanOrEqualTo(ProcFs.cpuNanos(pid));
  }
}
