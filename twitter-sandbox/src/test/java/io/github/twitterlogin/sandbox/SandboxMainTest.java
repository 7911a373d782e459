package io.github.twitterlogin.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.twitterlogin.shared.settings.Environment;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxMainTest {

  @Test
  void noVariablesMeanTheDefaults() {
    assertThat(SandboxMain.configFrom(new Environment(Map.of()))).isEqualTo(new JsonObject());
  }

  @Test
  void variablesBecomeSettings() {
    JsonObject config = SandboxMain.configFrom(new Environment(Map.of(
        "SANDBOX_HOST", "0.0.0.0", "SANDBOX_PORT", "0", "SANDBOX_PUBLIC_URL", "http://sandbox.test:8900/",
        "SANDBOX_AUTO_APPROVE", "true", "SANDBOX_CONSUMER_KEY", "my-key", "SANDBOX_CONSUMER_SECRET", "my-secret",
        "SANDBOX_CALLBACK_URLS", "http://app.test/callback,http://127.0.0.1:8080/callback",
        "SANDBOX_CALLBACK_PREFIXES", "http://127.0.0.1:")));

    SandboxSettings settings = SandboxSettings.fromJson(config);

    assertThat(settings.host()).isEqualTo("0.0.0.0");
    assertThat(settings.port()).isZero();
    assertThat(settings.effectivePublicUrl()).isEqualTo("http://sandbox.test:8900");
    assertThat(settings.autoApprove()).isTrue();
    assertThat(settings.consumers()).containsExactly(new SandboxConsumer("my-key", "my-secret",
        new RegisteredCallbacks(List.of("http://app.test/callback", "http://127.0.0.1:8080/callback"),
            List.of("http://127.0.0.1:")), SandboxConsumer.DEFAULT_APP_NAME, AccessLevel.READ_WRITE, false));
  }

  @Test
  void clientVariablesMakeTheOAuth2ClientWithTheCallbackUrls() {
    SandboxSettings settings = SandboxSettings.fromJson(SandboxMain.configFrom(new Environment(Map.of(
        "SANDBOX_CLIENT_ID", "my-client", "SANDBOX_CLIENT_SECRET", "client-secret",
        "SANDBOX_CALLBACK_URLS", "https://app.example/callback"))));

    SandboxOAuth2Client client = settings.oauth2Clients().get(0);
    assertThat(client.clientId()).isEqualTo("my-client");
    assertThat(client.clientSecret()).isEqualTo("client-secret");
    assertThat(client.redirectUris().urls()).containsExactly("https://app.example/callback");
    assertThat(SandboxMain.banner(settings)).contains("OAuth 2.0 client id my-client", "secret not shown")
        .doesNotContain("client-secret");
  }

  @Test
  void loadModeComesFromItsVariableAndTheBannerSaysSo() {
    SandboxSettings settings = SandboxSettings.fromJson(SandboxMain.configFrom(new Environment(Map.of(
        "SANDBOX_LOAD_MODE", "true"))));

    assertThat(settings.loadMode()).isTrue();
    assertThat(SandboxMain.banner(settings)).contains("LOAD MODE is ON");
  }

  @Test
  void loadModeComesFromTheConfigFileToo(@TempDir Path directory) throws Exception {
    Path file = directory.resolve("sandbox.json");
    Files.writeString(file, new JsonObject().put("loadMode", true).encode());

    assertThat(SandboxSettings.fromJson(SandboxMain.configFrom(new Environment(Map.of(
        "SANDBOX_CONFIG", file.toString())))).loadMode()).isTrue();
  }

  @Test
  void olderCallbackPrefixVariableStillSetsTheDevelopmentPrefixes() {
    JsonObject config = SandboxMain.configFrom(new Environment(Map.of("SANDBOX_CALLBACK_PREFIX", "http://127.0.0.1:9")));

    assertThat(SandboxSettings.fromJson(config).consumers().get(0).callbacks().developmentPrefixes())
        .containsExactly("http://127.0.0.1:9");
  }

  @Test
  void aSecretAloneReplacesTheDefaultSecret() {
    JsonObject config = SandboxMain.configFrom(new Environment(Map.of("SANDBOX_CONSUMER_SECRET", "my-secret")));

    SandboxConsumer consumer = SandboxSettings.fromJson(config).consumers().get(0);

    assertThat(consumer.key()).isEqualTo(SandboxConsumer.DEFAULT_KEY);
    assertThat(consumer.secret()).isEqualTo("my-secret");
  }

  @Test
  void configFileIsReadAndVariablesOverrideIt(@TempDir Path directory) throws Exception {
    Path file = directory.resolve("sandbox.json");
    Files.writeString(file, new JsonObject().put("port", 9100).put("users", new JsonArray()
        .add(new JsonObject().put("id", "5").put("screenName", "from_file"))).encode());

    SandboxSettings settings = SandboxSettings.fromJson(SandboxMain.configFrom(new Environment(Map.of(
        "SANDBOX_CONFIG", file.toString(), "SANDBOX_PORT", "9200"))));

    assertThat(settings.port()).isEqualTo(9200);
    assertThat(settings.users()).extracting(SandboxUser::screenName).containsExactly("from_file");
  }

  @Test
  void bannerSaysItIsNotTwitterAndShowsOnlyThePublishedSecret() {
    String banner = SandboxMain.banner(SandboxSettings.fromJson(new JsonObject().put("port", 8901)));

    assertThat(banner).contains("NOT Twitter", "development tool", "127.0.0.1:8901",
        "TWITTER_API_URL=http://127.0.0.1:8901", SandboxConsumer.DEFAULT_KEY, SandboxConsumer.DEFAULT_SECRET)
        .doesNotContain("WARNING");
  }

  @Test
  void bannerNeverShowsAConfiguredSecret() {
    JsonObject config = SandboxMain.configFrom(new Environment(Map.of(
        "SANDBOX_CONSUMER_KEY", "my-key", "SANDBOX_CONSUMER_SECRET", "do-not-print")));

    String banner = SandboxMain.banner(SandboxSettings.fromJson(config));

    assertThat(banner).contains("my-key", "secret not shown").doesNotContain("do-not-print");
  }

  @Test
  void bannerWarnsWhenReachableFromOtherMachines() {
    assertThat(SandboxMain.banner(SandboxSettings.fromJson(new JsonObject().put("host", "0.0.0.0"))))
        .contains("WARNING", "other machines");
  }
}
