package io.github.twitterlogin.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

  private final TrustedProxies proxies = TrustedProxies.parse("TRUSTED_PROXIES",
      List.of("10.0.0.0/8", "192.168.1.5", "fd00::/8"));

  @Test
  void aPeerThatIsNoProxyIsTheClientWhateverTheHeaderSays() {
    assertThat(proxies.clientOf("203.0.113.9", List.of("198.51.100.1"))).isEqualTo("203.0.113.9");
  }

  @Test
  void behindProxiesTheClientIsTheFirstUntrustedHopFromTheRight() {
    assertThat(proxies.clientOf("10.9.9.9", List.of("1.1.1.1, 203.0.113.9", "192.168.1.5"))).isEqualTo("203.0.113.9");
  }

  @Test
  void ipv6ProxiesAndBracketedHopsAreRead() {
    assertThat(proxies.clientOf("fd12::1", List.of("[2001:db8::7], fd00::2"))).isEqualTo("[2001:db8::7]");
  }

  @Test
  void aHopThatIsNoAddressIsUntrusted() {
    assertThat(proxies.clientOf("10.0.0.1", List.of("unknown"))).isEqualTo("unknown");
  }

  @Test
  void withOnlyProxiesInTheHeaderTheFirstHopIsTheClient() {
    assertThat(proxies.clientOf("10.0.0.1", List.of("10.0.0.2, 10.0.0.3"))).isEqualTo("10.0.0.2");
    assertThat(proxies.clientOf("10.0.0.1", List.of())).isEqualTo("10.0.0.1");
  }

  @Test
  void aNameOrABadRangeIsRefusedByTheSettingsName() {
    assertThatThrownBy(() -> TrustedProxies.parse("TRUSTED_PROXIES", List.of("proxy.example")))
        .hasMessageContaining("TRUSTED_PROXIES").hasMessageContaining("proxy.example");
    assertThatThrownBy(() -> TrustedProxies.parse("TRUSTED_PROXIES", List.of("10.0.0.0/33")))
        .hasMessageContaining("prefix length");
    assertThatThrownBy(() -> TrustedProxies.parse("TRUSTED_PROXIES", List.of("300.1.1.1")))
        .hasMessageContaining("300.1.1.1");
  }
}
