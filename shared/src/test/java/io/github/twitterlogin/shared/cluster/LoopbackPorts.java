package io.github.twitterlogin.shared.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.stream.IntStream;

/** Free TCP ports on 127.0.0.1, for Hazelcast members that a test starts. */
final class LoopbackPorts {

  private LoopbackPorts() {
  }

  static List<Integer> free(int count) {
    return IntStream.range(0, count).mapToObj(i -> free()).toList();
  }

  private static int free() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
