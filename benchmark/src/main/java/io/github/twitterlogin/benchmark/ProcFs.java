package io.github.twitterlogin.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What Linux tells of a process in {@code /proc}: its CPU time ({@code /proc/<pid>/stat}, user
 * plus system, in clock ticks), the same of each of its threads ({@code /proc/<pid>/task/<tid>/stat})
 * and its resident memory ({@code VmRSS} of {@code /proc/<pid>/status}). Read from outside, so
 * that the gateway measures nothing of itself.
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

  /**
   * The process's CPU time by {@link ThreadKind}, from each live thread's stat. A thread that ended
   * took its time with it; what the process spent beyond its live threads is under
   * {@link ThreadKind#OTHER}, so that the kinds add up to {@link #cpuNanos}.
   */
  static Map<ThreadKind, Long> cpuNanosByThreadKind(long pid) {
    Map<ThreadKind, Long> ticks = new EnumMap<>(ThreadKind.class);
    for (String stat : threadStats(Path.of("/proc", Long.toString(pid), "task"))) {
      ticks.merge(ThreadKind.of(command(stat)), cpuTicks(stat), Long::sum);
    }
    // Read after the threads, so that it holds at least what they had.
    long total = cpuTicks(read(Path.of("/proc", Long.toString(pid), "stat")));
    long named = ticks.values().stream().mapToLong(Long::longValue).sum();
    ticks.merge(ThreadKind.OTHER, Math.max(0, total - named), Long::sum);
    Map<ThreadKind, Long> nanos = new EnumMap<>(ThreadKind.class);
    ticks.forEach((kind, spent) -> nanos.put(kind, ticksToNanos(spent)));
    return nanos;
  }

  /** What a JVM's thread does, told by its name: Linux keeps the first 15 characters. */
  enum ThreadKind {
    EVENT_LOOPS("eventLoops"), HAZELCAST("hazelcast"), JIT("jit"), GC("gc"), OTHER("other");

    /** Its name in the report's JSON. */
    final String key;

    ThreadKind(String key) {
      this.key = key;
    }

    static ThreadKind of(String command) {
      if (command.startsWith("vert.x-eventloo")) {
        return EVENT_LOOPS;
      }
      if (command.startsWith("hz.")) {
        return HAZELCAST;
      }
      if (command.startsWith("C1 CompilerThre") || command.startsWith("C2 CompilerThre")) {
        return JIT;
      }
      if (command.startsWith("GC Thread") || command.startsWith("G1 ")) {
        return GC;
      }
      return OTHER;
    }
  }

  /** The command of a stat line: what is between the first '(' and the last ')'. */
  static String command(String stat) {
    int start = stat.indexOf('(');
    int end = stat.lastIndexOf(')');
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("Not a /proc/<pid>/stat line: " + stat);
    }
    return stat.substring(start + 1, end);
  }

  /** The stat of each thread still there; one that ends while they are read is left out. */
  private static List<String> threadStats(Path tasks) {
    try (Stream<Path> threads = Files.list(tasks)) {
      return threads.map(thread -> {
        try {
          return Files.readString(thread.resolve("stat"));
        } catch (IOException e) {
          if (Files.exists(thread)) {
            throw new UncheckedIOException("Cannot read " + thread.resolve("stat"), e);
          }
          return null;
        }
      }).filter(stat -> stat != null).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + tasks + ": has the process exited?", e);
    }
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
