package io.github.twitterlogin.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.twitterlogin.shared.settings.Environment;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceSettingsTest {

  @Test
  void withoutAConsumerKeyTheEmbeddedSandboxPlaysTwitter() {
    ServiceSettings settings = ServiceSettings.fromEnvironment(new Environment(Map.of()));

    assertThat(settings.roles()).containsExactlyInAnyOrder(Role.GATEWAY, Role.TWITTER_CLIENT, Role.SANDBOX);
    assertThat(settings.sandbox()).isPresent();
    assertThat(settings.twitterClient().getString("apiBaseUrl")).isEqualTo("http://127.0.0.1:8900");
    assertThat(settings.gateway().getInteger("port")).isEqualTo(8080);
    assertThat(settings.publicUrl()).isEqualTo("http://127.0.0.1:8080");
  }

  @Test
  void withAConsumerKeyTwitterItselfIsCalled() {
    ServiceSettings settings = ServiceSettings.fromEnvironment(new Environment(Map.of(
        "TWITTER_CONSUMER_KEY", "key", "TWITTER_CONSUMER_SECRET", "secret")));

    assertThat(settings.sandbox()).isEmpty();
    assertThat(settings.twitterClient().getString("apiBaseUrl")).isEqualTo("https://api.x.com");
    assertThat(settings.twitterClient().getString("consumerKey")).isEqualTo("key");
  }

  @Test
  void aKeyWithoutItsSecretIsRefusedWithoutEchoingIt() {
    assertThatThrownBy(() -> ServiceSettings.fromEnvironment(new Environment(Map.of(
        "TWITTER_CONSUMER_KEY", "key-value"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("TWITTER_CONSUMER_SECRET")
        .hasMessageNotContaining("key-value");
  }

  @Test
  void rolesChooseWhatAProcessRuns() {
    ServiceSettings settings = ServiceSettings.fromEnvironment(new Environment(Map.of("ROLES", "gateway")));

    assertThat(settings.roles()).containsExactly(Role.GATEWAY);
    assertThat(settings.sandbox()).isEmpty();
  }

  @Test
  void anUnknownRoleIsRefused() {
    assertThatThrownBy(() -> ServiceSettings.fromEnvironment(new Environment(Map.of("ROLES", "gateway,web"))))
        .hasMessageContaining("unknown role 'web'");
  }

  @Test
  void aWildcardHostStillGivesABrowsablePublicUrl() {
    ServiceSettings settings = ServiceSettings.fromEnvironment(new Environment(Map.of(
        "HTTP_HOST", "0.0.0.0", "HTTP_PORT", "9000")));

    assertThat(settings.publicUrl()).isEqualTo("http://localhost:9000");
  }

  @Test
  void aWildcardSandboxHostStillGivesABrowsableUrl() {
    ServiceSettings settings = ServiceSettings.fromEnvironment(new Environment(Map.of("SANDBOX_HOST", "0.0.0.0")));

    assertThat(settings.sandbox().orElseThrow().getString("publicUrl")).isEqualTo("http://localhost:8900");
    assertThat(settings.twitterClient().getString("apiBaseUrl")).isEqualTo("http://localhost:8900");
  }

  @Test
  void aRandomGatewayPortNeedsAPublicUrl() {
    assertThatThrownBy(() -> ServiceSettings.fromEnvironment(new Environment(Map.of("HTTP_PORT", "0"))))
        .hasMessageContaining("PUBLIC_URL");
    assertThat(ServiceSettings.fromEnvironment(new Environment(Map.of("HTTP_PORT", "0",
        "PUBLIC_URL", "https://login.example"))).publicUrl()).isEqualTo("https://login.example");
  }

  @Test
  void aRandomSandboxPortIsRefused() {
    assertThatThrownBy(() -> ServiceSettings.fromEnvironment(new Environment(Map.of("SANDBOX_PORT", "0"))))
        .hasMessageContaining("SANDBOX_PORT");
  }

  @Test
  void drainTimeoutReachesTheGateway() {
    ServiceSettings settings = ServiceSettings.fromEnvironment(new Environment(Map.of("SHUTDOWN_DRAIN_SECONDS", "5")));

    assertThat(settings.gateway().getInteger("shutdownDrainTimeoutSeconds")).isEqualTo(5);
  }

  @Test
  void aBadPortIsRefusedWithItsName() {
    assertThatThrownBy(() -> ServiceSettings.fromEnvironment(new Environment(Map.of("HTTP_PORT", "eighty"))))
        .hasMessageContaining("HTTP_PORT");
  }

  @Test
  void clusterSettingsComeFromTheEnvironment() {
    ServiceSettings settings = ServiceSettings.fromEnvironment(new Environment(Map.of(
        "CLUSTER_NAME", "prod", "CLUSTER_MEMBERS", "10.0.0.1:5701, 10.0.0.2:5701", "CLUSTER_PORT", "5801")));

    assertThat(settings.cluster().name()).isEqualTo("prod");
    assertThat(settings.cluster().members()).containsExactly("10.0.0.1:5701", "10.0.0.2:5701");
    assertThat(settings.cluster().port()).isEqualTo(5801);
  }
}
