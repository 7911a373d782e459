package io.github.twitterlogin.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * What Linux tells of a process in {@code /proc}: its CPU time ({@code /proc/<pid>/stat}, user
 * plus system, in clock ticks) and its resident memory ({@code VmRSS} of {@code /proc/<pid>/status}).
 * Read from outside, so that the gateway measures nothing of itself.
 */
final class ProcFs {

  /** {@code sysconf(_SC_CLK_TCK)}: 100 on every Linux build in use; {@code getconf} confirms it. */
  static final long CLOCK_TICKS_PER_SECOND = clockTicks();

  private static final int UTIME_AFTER_COMM = 11;
  private static final int STIME_AFTER_COMM = 12;
  private static final int IDLE = 4;
  private static final int IOWAIT = 5;

  private ProcFs() {
  }

  static long cpuNanos(long pid) {
    return ticksToNanos(cpuTicks(read(Path.of("/proc", Long.toString(pid), "stat"))));
  }

  static long rssKib(long pid) {
    return rssKib(read(Path.of("/proc", Long.toString(pid), "status")));
  }

  static long machineBusyNanos() {
    return ticksToNanos(busyTicks(read(Path.of("/proc/stat"))));
  }

  /**
   * The machine's CPU time spent on anything but idling, from the first line of {@code /proc/stat}:
   * {@code cpu user nice system idle iowait irq softirq steal ...}, in clock ticks; guest time is
   * already inside user time.
   */
  static long busyTicks(String procStat) {
    String[] fields = procStat.lines().findFirst().orElse("").trim().split("\\s+");
    if (fields.length < 9 || !fields[0].equals("cpu")) {
      throw new IllegalArgumentException("Not a /proc/stat: " + fields[0]);
    }
    long busy = 0;
    for (int i = 1; i <= 8; i++) {
      if (i != IDLE && i != IOWAIT) {
        busy += Long.parseLong(fields[i]);
      }
    }
    return busy;
  }

  /** The 1-minute load average of the machine. */
  static double loadAverage() {
    return Double.parseDouble(read(Path.of("/proc/loadavg")).trim().split("\\s+")[0]);
  }

  /**
   * utime + stime, fields 14 and 15 of proc(5). The second field, the command, is in parentheses
   * and may hold spaces or parentheses itself, so fields are counted after its last ')'.
   */
  static long cpuTicks(String stat) {
    int commEnd = stat.lastIndexOf(')');
    if (commEnd < 0) {
      throw new IllegalArgumentException("Not a /proc/<pid>/stat line: " + stat);
    }
    String[] fields = stat.substring(commEnd + 1).trim().split("\\s+");
    if (fields.length <= STIME_AFTER_COMM) {
      throw new IllegalArgumentException("A /proc/<pid>/stat line with too few fields: " + stat);
    }
    return Long.parseLong(fields[UTIME_AFTER_COMM]) + Long.parseLong(fields[STIME_AFTER_COMM]);
  }

  static long ticksToNanos(long ticks) {
    return ticks * TimeUnit.SECONDS.toNanos(1) / CLOCK_TICKS_PER_SECOND;
  }

  /** {@code VmRSS:    123456 kB}; a process without memory of its own (a zombie) has none: 0. */
  static long rssKib(String status) {
    return status.lines()
        .filter(line -> line.startsWith("VmRSS:"))
        .map(line -> line.substring("VmRSS:".length()).trim().split("\\s+")[0])
        .mapToLong(Long::parseLong)
        .findFirst()
        .orElse(0);
  }

  private static String read(Path path) {
    try {
      return Files.readString(path);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + path + ": has the process exited?", e);
    }
  }

  private static long clockTicks() {
    try {
      Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
      String answer = new String(getconf.getInputStream().readAllBytes()).trim();
      return getconf.waitFor() == 0 ? Long.parseLong(answer) : 100;
    } catch (IOException | NumberFormatException notAnswered) {
      return 100;
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return 100;
    }
  }
}
