package io.github.twitterlogin.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The counters of every process at one instant: the window's figures are the differences of two.
 *
 * @param nanos {@link System#nanoTime} when the reading started
 * @param machineBusyNanos the CPU time of every process of the machine, ours and others'
 */
record Snapshot(long nanos, long driverCpuNanos, long sandboxCpuNanos, List<Gateway> gateways, long machineBusyNanos,
    double loadAverage) {

  /**
   * One gateway process's counters; {@code cpuNanosByThreadKind} splits {@code cpuNanos} by what
   * the threads do; {@code rssKib} is its resident memory now.
   */
  record Gateway(long cpuNanos, Map<ProcFs.ThreadKind, Long> cpuNanosByThreadKind, long threadsStarted,
      Map<String, Long> mapOperations, long rssKib) {
  }

  Snapshot {
    gateways = List.copyOf(gateways);
  }

  static Snapshot take(Topology topology, List<JvmProbe> probes) throws Exception {
    long nanos = System.nanoTime();
    List<Gateway> gateways = new ArrayList<>();
    for (int i = 0; i < probes.size(); i++) {
      long pid = topology.gateways.get(i).pid();
      JvmProbe probe = probes.get(i);
      Map<ProcFs.ThreadKind, Long> byThreadKind = ProcFs.cpuNanosByThreadKind(pid);
      gateways.add(new Gateway(ProcFs.cpuNanos(pid), byThreadKind, probe.threadsStarted(), probe.mapOperations(),
          ProcFs.rssKib(pid)));
    }
    return new Snapshot(nanos, ProcFs.cpuNanos(ProcessHandle.current().pid()),
        ProcFs.cpuNanos(topology.sandbox.pid()), gateways, ProcFs.machineBusyNanos(), ProcFs.loadAverage());
  }
}
