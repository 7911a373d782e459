package io.github.twitterlogin.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.twitterlogin.shared.testing.TestKeys;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class GatewayOptionsTest {

  @Test
  void aPortGivenAsTextIsAClearErrorNamingTheField() {
    assertThatThrownBy(() -> new GatewayOptions(new JsonObject().put("port", "8080")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("GatewayOptions.port must be a whole number");
  }

  @Test
  void aNegativeTimeoutIsRefusedByName() {
    assertThatThrownBy(() -> valid().setAuth(new TwitterAuthOptions().setLoginTimeoutSeconds(-1)).validate())
        .hasMessageContaining("TwitterAuthOptions.loginTimeoutSeconds must be at least 1");
    assertThatThrownBy(() -> valid().setSessionTimeoutMinutes(0).validate())
        .hasMessageContaining("GatewayOptions.sessionTimeoutMinutes");
  }

  @Test
  void wrongTypesInTheSignInsOptionsNameTheirField() {
    assertThatThrownBy(() -> new GatewayOptions(new JsonObject().put("auth", new JsonObject().put("maxPendingLogins", true))))
        .hasMessage("TwitterAuthOptions.maxPendingLogins must be a whole number");
    assertThatThrownBy(() -> new TwitterAuthOptions(new JsonObject().put("allowedUsers", new JsonArray().add(1))))
        .hasMessage("TwitterAuthOptions.allowedUsers must be an array of strings");
    assertThatThrownBy(() -> new GatewayOptions(new JsonObject().put("auth", "x")))
        .hasMessage("GatewayOptions.auth must be an object");
  }

  @Test
  void theSessionKeysAreRequiredAndNeverShown() {
    assertThatThrownBy(() -> new GatewayOptions().validate())
        .hasMessageContaining("GatewayOptions.sessionEncryptionKeys is required");
    assertThat(valid().toString()).doesNotContain(TestKeys.SESSION_ENCRYPTION_KEYS.substring(5)).contains("(hidden)");
  }

  @Test
  void aBasePathMustBeAPath() {
    assertThatThrownBy(() -> valid().setBasePath("login").validate()).hasMessageContaining("GatewayOptions.basePath");
    assertThatThrownBy(() -> valid().setBasePath("/login/").validate()).hasMessageContaining("GatewayOptions.basePath");
    assertThat(valid().setBasePath("/login/twitter").validate().getBasePath()).isEqualTo("/login/twitter");
  }

  @Test
  void jsonRoundTripsEveryField() {
    GatewayOptions options = valid().setHost("10.0.0.5").setPort(9000).setPublicUrl("https://login.example")
        .setBasePath("/in").setSessionCookieName("sid").setSessionTimeoutMinutes(45).setShutdownDrainTimeoutSeconds(3)
        .setHealthProbeTimeoutMillis(700).setAuth(new TwitterAuthOptions().setLoginTimeoutSeconds(90)
            .setMaxPendingLogins(3).setInvalidateTokenOnLogout(true).setAllowedUsers(List.of("ada"))
            .setTwitterClientTimeoutMillis(1234).setLoginUrl("/in/auth").setDefaultReturnTo("/in/home"));

    assertThat(new GatewayOptions(options.toJson()).toJson()).isEqualTo(options.toJson());
    assertThat(new GatewayOptions(options).toJson()).isEqualTo(options.toJson());
  }

  @Test
  void theGatewaysSignInIsBelowItsPublicUrlAndBasePath() {
    TwitterAuthOptions auth = valid().setPublicUrl("https://login.example/").setBasePath("/in").authWithCallback();

    assertThat(auth.getCallbackUrl()).isEqualTo("https://login.example/in/callback");
    assertThat(auth.getLoginUrl()).isEqualTo("/in/auth");
    assertThat(auth.getDefaultReturnTo()).isEqualTo("/in/app");
  }

  @Test
  void overHttpsTheCookieIsAHostCookie() {
    assertThat(valid().setPublicUrl("https://login.example").cookieName()).isEqualTo("__Host-twitter-login.session");
    assertThat(valid().setPublicUrl("http://127.0.0.1:8080").cookieName()).isEqualTo("twitter-login.session");
  }

  private static GatewayOptions valid() {
    return new GatewayOptions().setSessionEncryptionKeys(TestKeys.SESSION_ENCRYPTION_KEYS);
  }
}
