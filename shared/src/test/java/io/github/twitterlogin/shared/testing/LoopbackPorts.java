package io.github.twitterlogin.shared.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * TCP ports free on 127.0.0.1, for the servers, cluster members and processes a test starts. A
 * port is handed out once per test JVM, so that two picks never name the same port before either
 * is bound.
 */
public final class LoopbackPorts {

  private static final Set<Integer> HANDED_OUT = new HashSet<>();

  private LoopbackPorts() {
  }

  public static int one() {
    return distinct(1).get(0);
  }

  public static synchronized List<Integer> distinct(int count) {
    List<Integer> ports = new ArrayList<>();
    while (ports.size() < count) {
      int port = free();
      if (HANDED_OUT.add(port)) {
        ports.add(port);
      }
    }
    return ports;
  }

  private static int free() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
