package io.github.twitterlogin.shared.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The TCP sockets a process listens on, read from Linux's {@code /proc}: the socket inodes among
 * its open files, matched with the LISTEN rows of {@code /proc/<pid>/net/tcp} and {@code tcp6}.
 */
public final class ListeningSockets {

  /** One listening socket: its local address as the kernel shows it, and its port. */
  public record Socket(String address, int port) {

    /** 0.0.0.0 or ::, which accept connections on every interface. */
    public boolean isWildcard() {
      return address.equals("0.0.0.0") || address.equals("::");
    }

    @Override
    public String toString() {
      return (address.contains(":") ? "[" + address + "]" : address) + ":" + port;
    }
  }

  private static final Pattern SOCKET_LINK = Pattern.compile("socket:\\[(\\d+)]");
  private static final String LISTEN = "0A";

  private ListeningSockets() {
  }

  public static List<Socket> ofCurrentProcess() {
    return of(ProcessHandle.current().pid());
  }

  public static List<Socket> of(long pid) {
    Path proc = Path.of("/proc", Long.toString(pid));
    Set<String> inodes = socketInodes(proc.resolve("fd"));
    List<Socket> sockets = new ArrayList<>();
    sockets.addAll(listening(proc.resolve("net/tcp"), inodes, false));
    sockets.addAll(listening(proc.resolve("net/tcp6"), inodes, true));
    return sockets;
  }

  private static Set<String> socketInodes(Path fds) {
    Set<String> inodes = new HashSet<>();
    try (Stream<Path> links = Files.list(fds)) {
      links.forEach(link -> {
        try {
          Matcher socket = SOCKET_LINK.matcher(Files.readSymbolicLink(link).toString());
          if (socket.matches()) {
            inodes.add(socket.group(1));
          }
        } catch (IOException closedMeanwhile) {
          // A file closed while we list them is no listening socket.
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return inodes;
  }

  /** Rows: {@code sl local_address rem_address st ... inode}; addresses are hex, little-endian words. */
  private static List<Socket> listening(Path table, Set<String> inodes, boolean ipv6) {
    List<Socket> sockets = new ArrayList<>();
    List<String> rows;
    try {
      rows = Files.readAllLines(table);
    } catch (IOException e) {
      return sockets;
    }
    for (String row : rows.subList(1, rows.size())) {
      String[] fields = row.trim().split("\\s+");
      if (fields.length > 9 && fields[3].equals(LISTEN) && inodes.contains(fields[9])) {
        String[] local = fields[1].split(":");
        sockets.add(new Socket(ipv6 ? ipv6Address(local[0]) : ipv4Address(local[0]), Integer.parseInt(local[1], 16)));
      }
    }
    return sockets;
  }

  private static String ipv4Address(String hex) {
    long value = Long.parseLong(hex, 16);
    return (value & 0xFF) + "." + (value >> 8 & 0xFF) + "." + (value >> 16 & 0xFF) + "." + (value >> 24 & 0xFF);
  }

  private static String ipv6Address(String hex) {
    StringBuilder address = new StringBuilder();
    boolean allZero = true;
    for (int word = 0; word < 4; word++) {
      String little = hex.substring(word * 8, word * 8 + 8);
      String big = little.substring(6, 8) + little.substring(4, 6) + little.substring(2, 4) + little.substring(0, 2);
      address.append(big);
      allZero &= big.equals("00000000");
    }
    if (allZero) {
      return "::";
    }
    String full = address.toString();
    if (full.toUpperCase().startsWith("00000000000000000000FFFF")) {
      long v4 = Long.parseLong(full.substring(24), 16);
      return (v4 >> 24 & 0xFF) + "." + (v4 >> 16 & 0xFF) + "." + (v4 >> 8 & 0xFF) + "." + (v4 & 0xFF);
    }
    return full.replaceAll("(.{4})(?!$)", "$1:").toLowerCase();
  }
}
