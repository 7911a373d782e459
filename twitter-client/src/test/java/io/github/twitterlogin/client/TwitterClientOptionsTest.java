package io.github.twitterlogin.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.twitterlogin.shared.testing.TestKeys;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class TwitterClientOptionsTest {

  private static final String KEYS = TestKeys.SESSION_ENCRYPTION_KEYS;

  /** A consumer, and the keys its users' tokens are sealed with while user calls are on (the default). */
  private static JsonObject consumer() {
    return new JsonObject().put("consumerKey", "key").put("consumerSecret", "s3cret").put("tokenEncryptionKeys", KEYS);
  }

  private static TwitterClientOptions fromJson(JsonObject json) {
    return new TwitterClientOptions(json).validate();
  }

  @Test
  void missingKeysTakeTheirDefaults() {
    TwitterClientOptions options = fromJson(consumer());
    assertThat(options.getApiBaseUrl()).isEqualTo(TwitterClientOptions.DEFAULT_API_BASE_URL);
    assertThat(options.getConnectTimeoutMillis()).isEqualTo(TwitterClientOptions.DEFAULT_CONNECT_TIMEOUT_MILLIS);
    assertThat(options.getRequestTimeoutMillis()).isEqualTo(TwitterClientOptions.DEFAULT_REQUEST_TIMEOUT_MILLIS);
    assertThat(options.consumer().key()).isEqualTo("key");
    assertThat(options.consumer().secret()).isEqualTo("s3cret");
    assertThat(options.isUserCalls()).isTrue();
    assertThat(options.getUserTokenRetention()).isEqualTo(UserTokenRetention.SESSION);
  }

  @Test
  void defaultsAreTheDocumentedOnes() {
    assertThat(TwitterClientOptions.DEFAULT_CONNECT_TIMEOUT_MILLIS).isEqualTo(5_000);
    assertThat(TwitterClientOptions.DEFAULT_REQUEST_TIMEOUT_MILLIS).isEqualTo(10_000);
  }

  @Test
  void jsonHasTheConfigKeysAndReadsBackEqual() {
    TwitterClientOptions options = new TwitterClientOptions()
        .setApiBaseUrl("http://127.0.0.1:8900/sandbox")
        .setConsumerKey("key")
        .setConsumerSecret("s3cret")
        .setConnectTimeoutMillis(1_234)
        .setRequestTimeoutMillis(5_678)
        .setUserTokenRetention(UserTokenRetention.UNTIL_REVOKED)
        .setTokenEncryptionKeys(KEYS);

    JsonObject json = new JsonObject(options.toJson().encode());

    assertThat(json.fieldNames()).containsExactlyInAnyOrder("apiBaseUrl", "consumerKey", "consumerSecret",
        "connectTimeoutMillis", "requestTimeoutMillis", "userCalls", "userTokenRetention", "tokenEncryptionKeys");
    assertThat(json.getString("userTokenRetention")).isEqualTo("until-revoked");
    assertThat(json.getString("consumerSecret")).as("the deployment config carries the secret").isEqualTo("s3cret");
    assertThat(new TwitterClientOptions(json)).isEqualTo(options);
  }

  @Test
  void copyIsIndependentOfTheOriginal() {
    TwitterClientOptions original = fromJson(consumer());
    TwitterClientOptions copy = new TwitterClientOptions(original);

    original.setConsumerKey("other").setRequestTimeoutMillis(1);

    assertThat(copy.getConsumerKey()).isEqualTo("key");
    assertThat(copy.getRequestTimeoutMillis()).isEqualTo(TwitterClientOptions.DEFAULT_REQUEST_TIMEOUT_MILLIS);
  }

  @Test
  void keysOfOtherVerticlesAreIgnored() {
    TwitterClientOptions options = fromJson(consumer().put("host", "127.0.0.1").put("port", 0));
    assertThat(options).isEqualTo(
        new TwitterClientOptions().setConsumerKey("key").setConsumerSecret("s3cret").setTokenEncryptionKeys(KEYS));
  }

  @Test
  void pathPrefixIsKeptAndTrailingSlashesDropped() {
    TwitterClientOptions options = fromJson(consumer().put("apiBaseUrl", "http://127.0.0.1:8900/sandbox//"));
    assertThat(options.getApiBaseUrl()).isEqualTo("http://127.0.0.1:8900/sandbox");
  }

  @Test
  void missingConsumerKeyIsNamed() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> fromJson(new JsonObject().put("consumerSecret", "s3cret")))
        .withMessageContaining("consumerKey is required")
        .withMessageNotContaining("s3cret");
  }

  @Test
  void blankConsumerSecretIsNamed() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> fromJson(consumer().put("consumerSecret", " ")))
        .withMessageContaining("consumerSecret is required");
  }

  @Test
  void consumerSecretOfTheWrongTypeIsNamedButNotShown() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new TwitterClientOptions(consumer().put("consumerSecret", 987654321)))
        .withMessageContaining("consumerSecret must be a string, not a decimal number")
        .withMessageNotContaining("987654321");
  }

  @Test
  void timeoutGivenAsAStringIsNamedNotACastFailure() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new TwitterClientOptions(consumer().put("connectTimeoutMillis", "5000")))
        .withMessageContaining("connectTimeoutMillis must be a whole number of milliseconds, not a string");
  }

  @Test
  void timeoutGivenAsADecimalIsNamed() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new TwitterClientOptions(consumer().put("requestTimeoutMillis", 2.5)))
        .withMessageContaining("requestTimeoutMillis must be a whole number of milliseconds");
  }

  @Test
  void connectTimeoutBeyondAnIntIsNamed() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new TwitterClientOptions(consumer().put("connectTimeoutMillis", 3_000_000_000L)))
        .withMessageContaining("connectTimeoutMillis must be at most 2147483647");
  }

  @Test
  void zeroTimeoutIsNamed() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> fromJson(consumer().put("requestTimeoutMillis", 0)))
        .withMessageContaining("requestTimeoutMillis must be a positive whole number");
  }

  @Test
  void negativeTimeoutSetInCodeIsNamed() {
    TwitterClientOptions options = fromJson(consumer()).setConnectTimeoutMillis(-1);
    assertThatIllegalArgumentException()
        .isThrownBy(options::validate)
        .withMessageContaining("connectTimeoutMillis must be a positive whole number");
  }

  @Test
  void apiBaseUrlMustBeHttpOrHttps() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> fromJson(consumer().put("apiBaseUrl", "ftp://api.x.com")))
        .withMessageContaining("apiBaseUrl must be an absolute http or https URL");
  }

  @Test
  void apiBaseUrlThatIsNoUrlIsNamed() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> fromJson(consumer().put("apiBaseUrl", "https://api x.com")))
        .withMessageContaining("apiBaseUrl is not a valid URL");
  }

  @Test
  void apiBaseUrlGivenAsAnArrayIsNamed() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new TwitterClientOptions(consumer().put("apiBaseUrl", new JsonArray().add("x"))))
        .withMessageContaining("apiBaseUrl must be a string, not an array");
  }

  @Test
  void apiBaseUrlWithAPortThatIsNotANumberIsRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> fromJson(consumer().put("apiBaseUrl", "http://127.0.0.1:http")))
        .withMessageContaining("apiBaseUrl must name a host and, optionally, a numeric port");
  }

  @Test
  void apiBaseUrlWithAPortAbove65535IsRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> fromJson(consumer().put("apiBaseUrl", "http://127.0.0.1:70000")))
        .withMessageContaining("apiBaseUrl has a port above 65535");
  }

  @Test
  void apiBaseUrlMustNotCarryAQuery() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> fromJson(consumer().put("apiBaseUrl", "https://api.x.com/?x=1")))
        .withMessageContaining("apiBaseUrl must not carry a query");
  }

  @Test
  void missingApiBaseUrlSetInCodeIsNamed() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> fromJson(consumer()).setApiBaseUrl(null).validate())
        .withMessageContaining("apiBaseUrl is required");
  }

  @Test
  void optionsNeverShowTheSecret() {
    assertThat(fromJson(consumer()).toString()).contains("key", "(hidden)").doesNotContain("s3cret")
        .doesNotContain(KEYS.substring(KEYS.indexOf(':') + 1));
  }

  @Test
  void userCallsWithoutKeysAreRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> fromJson(consumer().put("tokenEncryptionKeys", null)))
        .withMessageContaining("tokenEncryptionKeys is required while userCalls is on");
  }

  @Test
  void userCallsOffNeedNoKeys() {
    TwitterClientOptions options = fromJson(consumer().put("tokenEncryptionKeys", null).put("userCalls", false));
    assertThat(options.isUserCalls()).isFalse();
  }

  @Test
  void malformedKeysAreNamedButNotShown() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> fromJson(consumer().put("tokenEncryptionKeys", "k1:not-base64-s3cret!")))
        .withMessageContaining("tokenEncryptionKeys")
        .withMessageNotContaining("not-base64-s3cret");
  }

  @Test
  void retentionIsSessionOrUntilRevoked() {
    assertThat(fromJson(consumer().put("userTokenRetention", "until-revoked")).getUserTokenRetention())
        .isEqualTo(UserTokenRetention.UNTIL_REVOKED);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> fromJson(consumer().put("userTokenRetention", "forever")))
        .withMessageContaining("userTokenRetention must be session or until-revoked")
        .withMessageNotContaining("forever");
  }

  @Test
  void userCallsGivenAsAStringIsNamed() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new TwitterClientOptions(consumer().put("userCalls", "yes")))
        .withMessageContaining("userCalls must be true or false");
  }
}
