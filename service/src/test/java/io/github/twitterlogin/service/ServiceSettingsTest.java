package io.github.twitterlogin.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.twitterlogin.client.UserTokenRetention;
import io.github.twitterlogin.sandbox.RegisteredCallbacks;
import io.github.twitterlogin.sandbox.SandboxConsumer;
import io.github.twitterlogin.sandbox.SandboxOAuth2Client;
import io.github.twitterlogin.sandbox.SandboxSettings;
import io.github.twitterlogin.shared.LoginPage;
import io.github.twitterlogin.shared.ProfileSource;
import io.github.twitterlogin.shared.crypto.Keyring;
import io.github.twitterlogin.gateway.AuthFlow;
import io.github.twitterlogin.shared.settings.Environment;
import io.github.twitterlogin.shared.testing.TestKeys;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ServiceSettingsTest {

  @Test
  void withoutAConsumerKeyTheEmbeddedSandboxPlaysTwitter() {
    ServiceSettings settings = ServiceSettings.fromEnvironment(new Environment(Map.of()));

    assertThat(settings.roles()).containsExactlyInAnyOrder(Role.GATEWAY, Role.TWITTER_CLIENT, Role.SANDBOX);
    assertThat(settings.sandbox()).isPresent();
    assertThat(settings.twitterClient().getApiBaseUrl()).isEqualTo("http://127.0.0.1:8900");
    assertThat(settings.gateway().getPort()).isEqualTo(8080);
    assertThat(settings.publicUrl()).isEqualTo("http://127.0.0.1:8080");
  }

  @Test
  void embeddedSandboxRegistersTheCallbackExactlyAndLoopbackAsADevelopmentPrefix() {
    ServiceSettings settings = ServiceSettings.fromEnvironment(new Environment(Map.of(
        "PUBLIC_URL", "https://login.example")));

    SandboxConsumer consumer = sandboxConsumer(settings);
    assertThat(consumer.key()).isEqualTo(settings.twitterClient().getConsumerKey());
    assertThat(consumer.callbacks().urls()).containsExactly("https://login.example/callback");
    assertThat(consumer.callbacks().developmentPrefixes()).containsExactly("http://127.0.0.1:");
  }

  @Test
  void sandboxCallbackUrlsAreRegisteredToo() {
    ServiceSettings settings = ServiceSettings.fromEnvironment(new Environment(Map.of(
        "SANDBOX_CALLBACK_URLS", "http://127.0.0.1:3000/auth/twitter/callback, http://127.0.0.1:8080/callback",
        "SANDBOX_LOOPBACK_CALLBACKS", "false")));

    RegisteredCallbacks callbacks = sandboxConsumer(settings).callbacks();
    assertThat(callbacks.urls()).containsExactly("http://127.0.0.1:8080/callback",
        "http://127.0.0.1:3000/auth/twitter/callback");
    assertThat(callbacks.developmentPrefixes()).isEmpty();
  }

  @Test
  void moreThanTenCallbackUrlsAreRefusedWithTheirVariable() {
    String ten = IntStream.rangeClosed(1, 10).mapToObj(n -> "https://app.example/cb" + n)
        .collect(Collectors.joining(","));

    assertThatThrownBy(() -> ServiceSettings.fromEnvironment(new Environment(Map.of("SANDBOX_CALLBACK_URLS", ten))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SANDBOX_CALLBACK_URLS")
        .hasMessageContaining("At most 10");
  }

  @Test
  void callbackUrlWithAQueryIsRefusedWithItsVariable() {
    assertThatThrownBy(() -> ServiceSettings.fromEnvironment(new Environment(Map.of(
        "SANDBOX_CALLBACK_URLS", "https://app.example/cb?from=x"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SANDBOX_CALLBACK_URLS");
  }

  @Test
  void embeddedSandboxRegistersAnOAuth2ClientForTheCallback() {
    SandboxOAuth2Client client = sandboxSettings(ServiceSettings.fromEnvironment(new Environment(Map.of(
        "PUBLIC_URL", "https://login.example")))).oauth2Clients().get(0);

    assertThat(client.clientId()).isEqualTo(SandboxOAuth2Client.DEFAULT_CLIENT_ID);
    assertThat(client.clientSecret()).isEqualTo(SandboxOAuth2Client.DEFAULT_CLIENT_SECRET);
    assertThat(client.redirectUris().urls()).containsExactly("https://login.example/callback");
    assertThat(client.redirectUris().developmentPrefixes()).containsExactly("http://127.0.0.1:");
  }

  @Test
  void clientIdAndSecretFromTheEnvironmentAreRegistered() {
    SandboxOAuth2Client client = sandboxSettings(ServiceSettings.fromEnvironment(new Environment(Map.of(
        "TWITTER_CLIENT_ID", "my-client", "TWITTER_CLIENT_SECRET", "my-secret")))).oauth2Clients().get(0);

    assertThat(client.clientId()).isEqualTo("my-client");
    assertThat(client.clientSecret()).isEqualTo("my-secret");
  }

  @Test
  void clientIdWithoutASecretIsAPublicClient() {
    SandboxOAuth2Client client = sandboxSettings(ServiceSettings.fromEnvironment(new Environment(Map.of(
        "TWITTER_CLIENT_ID", "my-spa")))).oauth2Clients().get(0);

    assertThat(client.clientId()).isEqualTo("my-spa");
    assertThat(client.clientSecret()).isNull();
  }

  @Test
  void clientSecretWithoutAnIdIsRefusedWithoutEchoingIt() {
    assertThatThrownBy(() -> ServiceSettings.fromEnvironment(new Environment(Map.of(
        "TWITTER_CLIENT_SECRET", "secret-value"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TWITTER_CLIENT_ID")
        .hasMessageNotContaining("secret-value");
  }

  @Test
  void oauth2WithTheSandboxSignsInAsTheClientTheSandboxRegisters() {
    ServiceSettings settings = ServiceSettings.fromEnvironment(new Environment(Map.of("TWITTER_AUTH", "oauth2")));
    SandboxOAuth2Client registered = sandboxSettings(settings).oauth2Clients().get(0);

    assertThat(settings.gateway().getAuth().getFlow()).isEqualTo(AuthFlow.OAUTH2);
    assertThat(settings.gateway().getAuth().getScopes()).containsExactly("tweet.read", "users.read", "offline.access");
    assertThat(settings.twitterClient().getClientId()).isEqualTo(registered.clientId());
    assertThat(settings.twitterClient().getClientSecret()).isEqualTo(registered.clientSecret());
    assertThat(settings.twitterClient().getAuthorizeUrl()).isEqualTo("http://127.0.0.1:8900/i/oauth2/authorize");
    assertThat(Banner.of(settings)).contains("TWITTER_CLIENT_ID");
  }

  @Test
  void oauth2WithAClientIdNamesXWithoutAConsumerKey() {
    ServiceSettings settings = ServiceSettings.fromEnvironment(new Environment(Map.of("TWITTER_AUTH", "oauth2",
        "TWITTER_CLIENT_ID", "my-client", "TWITTER_CLIENT_SECRET", "my-secret", "SESSION_ENCRYPTION_KEYS",
        TestKeys.SESSION_ENCRYPTION_KEYS, "OAUTH2_SCOPES", "tweet.read users.read")));

    assertThat(settings.sandbox()).isEmpty();
    assertThat(settings.twitterClient().getConsumerKey()).isNull();
    assertThat(settings.twitterClient().getClientId()).isEqualTo("my-client");
    assertThat(settings.twitterClient().getAuthorizeUrl()).isEqualTo("https://x.com/i/oauth2/authorize");
    assertThat(settings.gateway().getAuth().getScopes()).containsExactly("tweet.read", "users.read");
    settings.twitterClient().validate();
  }

  @Test
  void oauth2RefusesWhatItCannotWorkWith() {
    assertThatThrownBy(() -> ServiceSettings.fromEnvironment(new Environment(Map.of("TWITTER_AUTH", "oauth3"))))
        .hasMessageContaining("TWITTER_AUTH");
    assertThatThrownBy(() -> ServiceSettings.fromEnvironment(new Environment(Map.of("TWITTER_AUTH", "oauth2",
        "USER_CALLS", "off")))).hasMessageContaining("USER_CALLS=on");
    assertThatThrownBy(() -> ServiceSettings.fromEnvironment(new Environment(Map.of("TWITTER_AUTH", "oauth2",
        "TWITTER_CONSUMER_KEY", "k", "TWITTER_CONSUMER_SECRET", "s", "SESSION_ENCRYPTION_KEYS",
        TestKeys.SESSION_ENCRYPTION_KEYS)))).hasMessageContaining("TWITTER_CLIENT_ID");
    assertThatThrownBy(() -> ServiceSettings.fromEnvironment(new Environment(Map.of("TWITTER_AUTH", "oauth2",
        "OAUTH2_SCOPES", "users.read")))).hasMessageContaining("tweet.read");
    assertThatThrownBy(() -> ServiceSettings.fromEnvironment(new Environment(Map.of("TWITTER_AUTH", "oauth2",
        "PROFILE_SOURCE", "v1.1")))).hasMessageContaining("profileSource must be v2");
  }

  @Test
  void loadModeIsOffUnlessAskedFor() {
    assertThat(sandboxSettings(ServiceSettings.fromEnvironment(new Environment(Map.of()))).loadMode()).isFalse();
    assertThat(sandboxSettings(ServiceSettings.fromEnvironment(new Environment(Map.of(
        "SANDBOX_LOAD_MODE", "true")))).loadMode()).isTrue();
  }

  @Test
  void rememberedApprovalsAreOffUnlessAskedFor() {
    assertThat(sandboxSettings(ServiceSettings.fromEnvironment(new Environment(Map.of()))).rememberApprovals())
        .isFalse();
    assertThat(sandboxSettings(ServiceSettings.fromEnvironment(new Environment(Map.of(
        "SANDBOX_REMEMBER_APPROVALS", "true")))).rememberApprovals()).isTrue();
  }

  @Test
  void withAConsumerKeyTwitterItselfIsCalled() {
    ServiceSettings settings = ServiceSettings.fromEnvironment(new Environment(Map.of(
        "TWITTER_CONSUMER_KEY", "key", "TWITTER_CONSUMER_SECRET", "secret",
        "SESSION_ENCRYPTION_KEYS", TestKeys.SESSION_ENCRYPTION_KEYS)));

    assertThat(settings.sandbox()).isEmpty();
    assertThat(settings.twitterClient().getApiBaseUrl()).isEqualTo("https://api.x.com");
    assertThat(settings.twitterClient().getConsumerKey()).isEqualTo("key");
  }

  @Test
  void withAConsumerKeyTheGatewayRefusesToStartWithoutSessionKeys() {
    assertThatThrownBy(() -> ServiceSettings.fromEnvironment(new Environment(Map.of(
        "TWITTER_CONSUMER_KEY", "key", "TWITTER_CONSUMER_SECRET", "secret"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SESSION_ENCRYPTION_KEYS is required");
  }

  @Test
  void aTwitterClientAloneSealsTheUsersTokensWithTheSessionKeys() {
    ServiceSettings settings = ServiceSettings.fromEnvironment(new Environment(Map.of(
        "ROLES", "twitter-client", "TWITTER_CONSUMER_KEY", "key", "TWITTER_CONSUMER_SECRET", "secret",
        "SESSION_ENCRYPTION_KEYS", TestKeys.SESSION_ENCRYPTION_KEYS)));

    assertThat(settings.roles()).containsExactly(Role.TWITTER_CLIENT);
    assertThat(settings.twitterClient().isUserCalls()).isTrue();
    assertThat(settings.twitterClient().getTokenEncryptionKeys()).isEqualTo(TestKeys.SESSION_ENCRYPTION_KEYS);
    assertThat(settings.twitterClient().getUserTokenRetention()).isEqualTo(UserTokenRetention.SESSION);
  }

  @Test
  void aTwitterClientAloneWithoutKeysIsRefusedWhileUserCallsAreOn() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ServiceSettings.fromEnvironment(new Environment(Map.of(
            "ROLES", "twitter-client", "TWITTER_CONSUMER_KEY", "key", "TWITTER_CONSUMER_SECRET", "secret"))))
        .withMessageContaining("SESSION_ENCRYPTION_KEYS is required")
        .withMessageNotContaining("secret\"");
  }

  @Test
  void withUserCallsOffATwitterClientAloneNeedsNoKeys() {
    ServiceSettings settings = ServiceSettings.fromEnvironment(new Environment(Map.of(
        "ROLES", "twitter-client", "TWITTER_CONSUMER_KEY", "key", "TWITTER_CONSUMER_SECRET", "secret",
        "USER_CALLS", "off")));

    assertThat(settings.twitterClient().isUserCalls()).isFalse();
    assertThat(settings.twitterClient().getTokenEncryptionKeys()).isNull();
  }

  @Test
  void userTokenRetentionIsSessionOrUntilRevoked() {
    Map<String, String> base = Map.of("ROLES", "twitter-client", "TWITTER_CONSUMER_KEY", "key",
        "TWITTER_CONSUMER_SECRET", "secret", "SESSION_ENCRYPTION_KEYS", TestKeys.SESSION_ENCRYPTION_KEYS);
    HashMap<String, String> untilRevoked = new HashMap<>(base);
    untilRevoked.put("USER_TOKEN_RETENTION", "until-revoked");
    HashMap<String, String> forever = new HashMap<>(base);
    forever.put("USER_TOKEN_RETENTION", "forever");

    assertThat(ServiceSettings.fromEnvironment(new Environment(untilRevoked)).twitterClient().getUserTokenRetention())
        .isEqualTo(UserTokenRetention.UNTIL_REVOKED);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ServiceSettings.fromEnvironment(new Environment(forever)))
        .withMessageContaining("USER_TOKEN_RETENTION must be session or until-revoked");
  }

  @Test
  void profileSourceAndLoginPageAreReadFromTheirVariables() {
    Map<String, String> base = Map.of("ROLES", "gateway", "TWITTER_CONSUMER_KEY", "key",
        "TWITTER_CONSUMER_SECRET", "secret", "SESSION_ENCRYPTION_KEYS", TestKeys.SESSION_ENCRYPTION_KEYS);
    HashMap<String, String> chosen = new HashMap<>(base);
    chosen.put("PROFILE_SOURCE", "token");
    chosen.put("TWITTER_LOGIN_PAGE", "authorize");
    HashMap<String, String> unknown = new HashMap<>(base);
    unknown.put("PROFILE_SOURCE", "v3");

    ServiceSettings settings = ServiceSettings.fromEnvironment(new Environment(chosen));

    assertThat(settings.gateway().getAuth().getProfileSource()).isEqualTo(ProfileSource.TOKEN);
    assertThat(settings.gateway().getAuth().getLoginPage()).isEqualTo(LoginPage.AUTHORIZE);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ServiceSettings.fromEnvironment(new Environment(unknown)))
        .withMessageContaining("PROFILE_SOURCE");
  }

  @Test
  void theSandboxSealsSessionsWithTheDevelopmentKeyAndTheBannerSaysSo() {
    ServiceSettings settings = ServiceSettings.fromEnvironment(new Environment(Map.of()));

    assertThat(settings.gateway().getSessionEncryptionKeys()).isEqualTo(Keyring.DEVELOPMENT_KEYS);
    assertThat(settings.developmentSessionKeys()).isTrue();
    assertThat(Banner.of(settings)).contains("DEVELOPMENT key").contains("SESSION_ENCRYPTION_KEYS");
  }

  @Test
  void configuredSessionKeysReplaceTheDevelopmentKey() {
    ServiceSettings settings = ServiceSettings.fromEnvironment(new Environment(Map.of(
        "SESSION_ENCRYPTION_KEYS", TestKeys.SESSION_ENCRYPTION_KEYS)));

    assertThat(settings.developmentSessionKeys()).isFalse();
    assertThat(Banner.of(settings)).doesNotContain("DEVELOPMENT key");
  }

  @Test
  void malformedSessionKeysAreRefusedWithoutEchoingThem() {
    assertThatThrownBy(() -> ServiceSettings.fromEnvironment(new Environment(Map.of(
        "SESSION_ENCRYPTION_KEYS", "k1:c2hvcnQ="))))
        .hasMessageContaining("SESSION_ENCRYPTION_KEYS entry 1")
        .hasMessageNotContaining("c2hvcnQ=");
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
    assertThat(settings.twitterClient().getApiBaseUrl()).isEqualTo("http://localhost:8900");
  }

  @Test
  void aRandomGatewayPortWithoutAPublicUrlIsNamedOnceTaken() {
    assertThat(ServiceSettings.fromEnvironment(new Environment(Map.of("HTTP_PORT", "0"))).gateway().getPublicUrl())
        .as("computed from the port taken").isNull();
    assertThatThrownBy(() -> ServiceSettings.fromEnvironment(new Environment(Map.of(
        "HTTP_PORT", "0", "HTTP_HOST", "0.0.0.0"))))
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

    assertThat(settings.gateway().getShutdownDrainTimeoutSeconds()).isEqualTo(5);
  }

  @Test
  void theThrottleOfSignInsReachesTheGateway() {
    ServiceSettings defaults = ServiceSettings.fromEnvironment(new Environment(Map.of()));
    ServiceSettings set = ServiceSettings.fromEnvironment(new Environment(Map.of(
        "AUTH_RATE_PER_MINUTE", "5", "TRUSTED_PROXIES", "10.0.0.0/8, 192.0.2.1")));

    assertThat(defaults.gateway().getAuthRatePerMinute()).isEqualTo(30);
    assertThat(defaults.gateway().getTrustedProxies()).isEmpty();
    assertThat(set.gateway().getAuthRatePerMinute()).isEqualTo(5);
    assertThat(set.gateway().getTrustedProxies()).containsExactly("10.0.0.0/8", "192.0.2.1");
  }

  @Test
  void aTrustedProxyThatIsNoAddressIsRefusedWithItsVariable() {
    assertThatThrownBy(() -> ServiceSettings.fromEnvironment(new Environment(Map.of("TRUSTED_PROXIES", "lb.example"))))
        .hasMessageContaining("TRUSTED_PROXIES").hasMessageContaining("lb.example");
  }

  @Test
  void metricsAreOnByDefaultOnAPortOfTheirOwn() {
    ServiceSettings settings = ServiceSettings.fromEnvironment(new Environment(Map.of()));

    assertThat(settings.metrics()).isEqualTo(new MetricsSettings(true, "127.0.0.1", 9464));
    assertThat(settings.metrics().vertxOptions().getMetricsOptions().isEnabled()).isTrue();
    assertThat(Banner.of(settings)).contains("Metrics for Prometheus: http://127.0.0.1:9464/metrics");
  }

  @Test
  void metricsCanBeMovedOrTurnedOff() {
    ServiceSettings moved = ServiceSettings.fromEnvironment(new Environment(Map.of(
        "METRICS_HOST", "10.0.0.11", "METRICS_PORT", "9100")));
    ServiceSettings off = ServiceSettings.fromEnvironment(new Environment(Map.of("METRICS_ENABLED", "false")));

    assertThat(moved.metrics()).isEqualTo(new MetricsSettings(true, "10.0.0.11", 9100));
    assertThat(off.metrics().enabled()).isFalse();
    assertThat(off.metrics().vertxOptions().getMetricsOptions()).matches(options -> options == null || !options.isEnabled());
    assertThat(Banner.of(off)).doesNotContain("Metrics");
  }

  @Test
  void aBadPortIsRefusedWithItsName() {
    assertThatThrownBy(() -> ServiceSettings.fromEnvironment(new Environment(Map.of("HTTP_PORT", "eighty"))))
        .hasMessageContaining("HTTP_PORT");
  }

  private static SandboxSettings sandboxSettings(ServiceSettings settings) {
    return SandboxSettings.fromJson(settings.sandbox().orElseThrow());
  }

  private static SandboxConsumer sandboxConsumer(ServiceSettings settings) {
    return sandboxSettings(settings).consumers().get(0);
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
