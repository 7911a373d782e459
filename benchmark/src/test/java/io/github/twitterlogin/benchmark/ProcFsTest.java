package io.github.twitterlogin.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
