package io.github.twitterlogin.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class TwitterClientSettingsTest {

  private static JsonObject consumer() {
    return new JsonObject().put("consumerKey", "key").put("consumerSecret", "s3cret");
  }

  @Test
  void missingKeysTakeTheirDefaults() {
    TwitterClientSettings settings = TwitterClientSettings.fromJson(consumer());
    assertThat(settings.apiBaseUrl()).isEqualTo("https://api.twitter.com");
    assertThat(settings.connectTimeoutMillis()).isEqualTo(5_000);
    assertThat(settings.requestTimeoutMillis()).isEqualTo(10_000);
    assertThat(settings.consumer().key()).isEqualTo("key");
    assertThat(settings.consumer().secret()).isEqualTo("s3cret");
  }

  @Test
  void pathPrefixIsKeptAndTrailingSlashesDropped() {
    TwitterClientSettings settings =
        TwitterClientSettings.fromJson(consumer().put("apiBaseUrl", "http://127.0.0.1:8900/sandbox//"));
    assertThat(settings.apiBaseUrl()).isEqualTo("http://127.0.0.1:8900/sandbox");
  }

  @Test
  void missingConsumerKeyIsNamed() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> TwitterClientSettings.fromJson(new JsonObject().put("consumerSecret", "s3cret")))
        .withMessageContaining("consumerKey is required")
        .withMessageNotContaining("s3cret");
  }

  @Test
  void blankConsumerSecretIsNamed() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> TwitterClientSettings.fromJson(consumer().put("consumerSecret", " ")))
        .withMessageContaining("consumerSecret is required");
  }

  @Test
  void consumerSecretOfTheWrongTypeIsNamedButNotShown() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> TwitterClientSettings.fromJson(consumer().put("consumerSecret", 987654321)))
        .withMessageContaining("consumerSecret must be a string")
        .withMessageNotContaining("987654321");
  }

  @Test
  void apiBaseUrlMustBeHttpOrHttps() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> TwitterClientSettings.fromJson(consumer().put("apiBaseUrl", "ftp://api.twitter.com")))
        .withMessageContaining("apiBaseUrl");
  }

  @Test
  void apiBaseUrlMustNotCarryAQuery() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> TwitterClientSettings.fromJson(consumer().put("apiBaseUrl", "https://api.twitter.com/?x=1")))
        .withMessageContaining("apiBaseUrl must not carry a query");
  }

  @Test
  void timeoutsMustBePositive() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> TwitterClientSettings.fromJson(consumer().put("requestTimeoutMillis", 0)))
        .withMessageContaining("requestTimeoutMillis must be a positive whole number");
  }

  @Test
  void settingsNeverShowTheSecret() {
    assertThat(TwitterClientSettings.fromJson(consumer()).toString()).contains("key").doesNotContain("s3cret");
  }
}
