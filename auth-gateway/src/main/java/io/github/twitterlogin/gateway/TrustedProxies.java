package io.github.twitterlogin.gateway;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The proxies in front of the gateway, by address or CIDR range ({@code 10.0.0.0/8},
 * {@code fd00::/8}). A client's address is the connection's peer, unless that peer is one of
 * them: then it is the first hop of {@code X-Forwarded-For}, read from the right, that is not
 * one of them (each proxy appends the address it was reached from; what lies left of the first
 * untrusted hop is the client's to write, and ignored).
 */
public final class TrustedProxies {

  // Literals only: an address given as a name would be looked up in the DNS, for every request.
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
  private static final int MAX_HOP_LENGTH = 64;

  private record Range(byte[] network, int prefixLength) {

    boolean contains(byte[] address) {
      if (address.length != network.length) {
        return false;
      }
      for (int bit = 0; bit < prefixLength; bit++) {
        int mask = 0x80 >>> (bit % 8);
        if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
          return false;
        }
      }
      return true;
    }
  }

  private final List<Range> ranges;

  private TrustedProxies(List<Range> ranges) {
    this.ranges = ranges;
  }

  /** @throws IllegalArgumentException naming {@code setting} for an entry that is not an address or a range */
  public static TrustedProxies parse(String setting, List<String> entries) {
    List<Range> ranges = new ArrayList<>();
    for (String entry : entries) {
      String[] parts = entry.trim().split("/", 2);
      Optional<byte[]> address = literal(parts[0]);
      if (address.isEmpty()) {
        throw new IllegalArgumentException(
            setting + " holds '" + entry + "', which is not an IP address or a CIDR range");
      }
      int bits = address.get().length * 8;
      int prefix = bits;
      if (parts.length == 2) {
        try {
          prefix = Integer.parseInt(parts[1]);
        } catch (NumberFormatException notANumber) {
          prefix = -1;
        }
        if (prefix < 0 || prefix > bits) {
          throw new IllegalArgumentException(
              setting + " holds '" + entry + "', whose prefix length is not 0 to " + bits);
        }
      }
      ranges.add(new Range(address.get(), prefix));
    }
    return new TrustedProxies(List.copyOf(ranges));
  }

  /**
   * @param peer the address of the connection's other end
   * @param forwardedFor every {@code X-Forwarded-For} header of the request, in order
   */
  public String clientOf(String peer, List<String> forwardedFor) {
    if (ranges.isEmpty() || !trusts(peer)) {
      return peer;
    }
    List<String> hops = new ArrayList<>();
    for (String header : forwardedFor) {
      for (String hop : header.split(",")) {
        if (!hop.isBlank()) {
          hops.add(hop.trim());
        }
      }
    }
    for (int i = hops.size() - 1; i >= 0; i--) {
      if (!trusts(hops.get(i))) {
        String hop = hops.get(i);
        return hop.length() > MAX_HOP_LENGTH ? hop.substring(0, MAX_HOP_LENGTH) : hop;
      }
    }
    return hops.isEmpty() ? peer : hops.get(0);
  }

  private boolean trusts(String address) {
    Optional<byte[]> bytes = literal(address);
    return bytes.isPresent() && ranges.stream().anyMatch(range -> range.contains(bytes.get()));
  }

  /**
   * IPv4 is read here; IPv6 is given to the JDK in brackets, which it then reads as a literal or
   * refuses, and never looks up as a name.
   */
  private static Optional<byte[]> literal(String text) {
    String address = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
    if (IPV4.matcher(address).matches()) {
      return ipv4(address);
    }
    if (!IPV6.matcher(address).matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(InetAddress.getByName("[" + address + "]").getAddress());
    } catch (UnknownHostException | SecurityException notALiteral) {
      return Optional.empty();
    }
  }

  private static Optional<byte[]> ipv4(String address) {
    String[] octets = address.split("\\.");
    byte[] bytes = new byte[4];
    for (int i = 0; i < 4; i++) {
      int octet = Integer.parseInt(octets[i]);
      if (octet > 255) {
        return Optional.empty();
      }
      bytes[i] = (byte) octet;
    }
    return Optional.of(bytes);
  }
}
