package io.github.twitterlogin.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class SandboxSettingsTest {

  @Test
  void defaultsAreADevelopmentToolOnLoopback() {
    SandboxSettings settings = SandboxSettings.fromJson(new JsonObject());

    assertThat(settings.host()).isEqualTo("127.0.0.1");
    assertThat(settings.port()).isEqualTo(8900);
    assertThat(settings.effectivePublicUrl()).isEqualTo("http://127.0.0.1:8900");
    assertThat(settings.adminEnabled()).isTrue();
    assertThat(settings.autoApprove()).isFalse();
    assertThat(settings.requestTokenLifetime()).hasSeconds(300);
    assertThat(settings.allowedClockSkew()).hasSeconds(300);
    assertThat(settings.verifyCredentialsLimit()).isEqualTo(75);
    assertThat(settings.consumers()).extracting(SandboxConsumer::key).containsExactly(SandboxConsumer.DEFAULT_KEY);
    assertThat(settings.users()).hasSizeGreaterThanOrEqualTo(4);
  }

  @Test
  void defaultConsumerRegistersTheGatewaysCallbackAndAnyPortOf127001AsADevelopmentPrefix() {
    SandboxConsumer consumer = SandboxConsumer.byDefault();

    assertThat(consumer.callbacks().urls()).containsExactly("http://127.0.0.1:8080/callback");
    assertThat(consumer.callbacks().developmentPrefixes()).containsExactly("http://127.0.0.1:");
    assertThat(consumer.approves("http://127.0.0.1:8081/callback")).isTrue();
    assertThat(consumer.approves("http://localhost:8080/callback")).isFalse();
    assertThat(consumer.approves("http://127.0.0.1.evil.example/callback")).isFalse();
    assertThat(consumer.approves("http://127.0.0.1:80@evil.example/callback")).isFalse();
    assertThat(consumer.approves("oob")).isFalse();
  }

  @Test
  void defaultOAuth2ClientIsConfidentialWithTheConsumersCallbacks() {
    SandboxSettings settings = SandboxSettings.fromJson(new JsonObject());

    SandboxOAuth2Client client = settings.oauth2Clients().get(0);
    assertThat(client.clientId()).isEqualTo(SandboxOAuth2Client.DEFAULT_CLIENT_ID);
    assertThat(client.isConfidential()).isTrue();
    assertThat(client.redirectUris()).isEqualTo(SandboxConsumer.byDefault().callbacks());
    assertThat(settings.oauth2AccessTokenLifetime()).hasHours(2);
    assertThat(settings.oauth2CodeLifetime()).hasSeconds(30);
  }

  @Test
  void oauth2ClientWithoutASecretIsPublic() {
    SandboxOAuth2Client client = SandboxOAuth2Client.fromJson(new JsonObject().put("clientId", "spa")
        .put("redirectUris", new JsonArray().add("http://127.0.0.1:3000/callback")));

    assertThat(client.isConfidential()).isFalse();
    assertThat(client.approves("http://127.0.0.1:3000/callback")).isTrue();
    assertThat(client.approves("http://127.0.0.1:3000/callback?x=1")).isFalse();
  }

  @Test
  void twoOAuth2ClientsWithOneIdAreRefused() {
    JsonObject client = new JsonObject().put("clientId", "same").put("redirectUris", "https://app.example/cb");

    assertThatThrownBy(() -> SandboxSettings.fromJson(new JsonObject().put("oauth2Clients",
        new JsonArray().add(client).add(client.copy()))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("OAuth 2.0 client id same");
  }

  @Test
  void oauth2ClientWithoutRedirectUrisIsRefusedByName() {
    assertThatThrownBy(() -> SandboxOAuth2Client.fromJson(new JsonObject().put("clientId", "spa")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("spa").hasMessageContaining("redirectUris");
  }

  @Test
  void consumerWithoutAnyCallbackIsRefusedByName() {
    JsonObject config = new JsonObject().put("consumers", new JsonArray().add(
        new JsonObject().put("key", "app").put("secret", "secret")));

    assertThatThrownBy(() -> SandboxSettings.fromJson(config))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("app").hasMessageContaining("callbackUrls");
  }

  @Test
  void olderCallbackPrefixKeyStillRegistersADevelopmentPrefix() {
    SandboxConsumer consumer = SandboxConsumer.fromJson(new JsonObject().put("key", "app").put("secret", "secret")
        .put("callbackPrefix", "http://127.0.0.1:"));

    assertThat(consumer.callbacks().urls()).isEmpty();
    assertThat(consumer.callbacks().developmentPrefixes()).containsExactly("http://127.0.0.1:");
  }

  @Test
  void consumerSettingsDefaultToAReadWriteAppWithFullV11Access() {
    SandboxConsumer consumer = SandboxConsumer.fromJson(new JsonObject().put("key", "app").put("secret", "secret")
        .put("callbackUrls", "https://app.example/callback"));

    assertThat(consumer.accessLevel()).isEqualTo(AccessLevel.READ_WRITE);
    assertThat(consumer.limitedV11Access()).isFalse();
  }

  @Test
  void unknownAccessLevelIsRefusedWithTheLevelsXKnows() {
    assertThatThrownBy(() -> SandboxConsumer.fromJson(new JsonObject().put("key", "app").put("secret", "secret")
        .put("callbackUrls", "https://app.example/callback").put("accessLevel", "write")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("read-write");
  }

  @Test
  void wildcardHostIsReachedThroughLocalhostAndHasNoAdminByDefault() {
    SandboxSettings settings = SandboxSettings.fromJson(new JsonObject().put("host", "0.0.0.0").put("port", 9000));

    assertThat(settings.effectivePublicUrl()).isEqualTo("http://localhost:9000");
    assertThat(settings.adminEnabled()).isFalse();
  }

  @Test
  void publicUrlLosesItsTrailingSlash() {
    assertThat(SandboxSettings.fromJson(new JsonObject().put("publicUrl", "https://sandbox.test/")).effectivePublicUrl())
        .isEqualTo("https://sandbox.test");
  }

  @Test
  void outOfRangePortIsRefused() {
    assertThatThrownBy(() -> SandboxSettings.fromJson(new JsonObject().put("port", 70_000)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("port");
  }

  @Test
  void settingOfTheWrongTypeIsRefusedByName() {
    assertThatThrownBy(() -> SandboxSettings.fromJson(new JsonObject().put("requestTokenLifetimeSeconds", "soon")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("wrong JSON type");
  }

  @Test
  void nonPositiveLifetimeIsRefused() {
    assertThatThrownBy(() -> SandboxSettings.fromJson(new JsonObject().put("requestTokenLifetimeSeconds", 0)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("requestTokenLifetimeSeconds");
  }

  @Test
  void twoUsersWithOneScreenNameAreRefused() {
    JsonArray users = new JsonArray()
        .add(new JsonObject().put("id", "1").put("screenName", "same"))
        .add(new JsonObject().put("id", "2").put("screenName", "SAME"));

    assertThatThrownBy(() -> SandboxSettings.fromJson(new JsonObject().put("users", users)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("screen name");
  }

  @Test
  void userWithoutANameIsNamedForTheirScreenName() {
    SandboxUser user = SandboxUser.fromJson(new JsonObject().put("id", "7").put("screenName", "plain"));

    assertThat(user.name()).isEqualTo("plain");
  }

  @Test
  void invalidSettingsFailTheDeployment(Vertx vertx, VertxTestContext test) {
    vertx.deployVerticle(new TwitterSandboxVerticle(), new DeploymentOptions().setConfig(new JsonObject().put("port", -1)))
        .onComplete(test.failing(failure -> test.verify(() -> {
          assertThat(failure).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("port");
          test.completeNow();
        })));
  }
}
