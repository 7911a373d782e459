package io.github.twitterlogin.service.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.stream.IntStream;

/** Free TCP ports on 127.0.0.1, for the Hazelcast members a test starts. */
final class FreePorts {

  private FreePorts() {
  }

  static List<Integer> onLoopback(int count) {
    return IntStream.range(0, count).mapToObj(i -> onLoopback()).toList();
  }

  private static int onLoopback() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
