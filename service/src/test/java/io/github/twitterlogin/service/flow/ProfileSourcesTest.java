package io.github.twitterlogin.service.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.twitterlogin.service.testing.LoopbackDeployments;
import io.github.twitterlogin.service.testing.SandboxWitness.SignedRequest;
import io.github.twitterlogin.service.testing.SecretsStayOutOfLogs;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Each {@code PROFILE_SOURCE} signs @ada in through the real Twitter client and the sandbox:
 * where the profile comes from is seen in the requests the witness checked after the exchange.
 */
@ExtendWith({VertxExtension.class, SecretsStayOutOfLogs.class})
class ProfileSourcesTest {

  private static final String ADA = "1000000001";

  /** The signed-in principal that {@code /app} shows, and the paths signed after the request token. */
  private record Signed(JsonObject principal, List<String> paths) {
  }

  private static Signed signInWith(Vertx vertx, JsonObject auth) throws Exception {
    LoginStack.Options options = LoginStack.with();
    options.gatewayConfig = LoopbackDeployments.gatewayConfig().put("auth", auth);
    LoginStack stack = options.start(vertx);
    SignInBrowser browser = new SignInBrowser(vertx);

    assertThat(browser.signIn(stack.gatewayUrl(), ADA).statusCode()).isEqualTo(302);

    JsonObject principal = browser.getJson(stack.gatewayUrl() + "/app").bodyAsJsonObject();
    List<String> paths = stack.witness.signedRequests().stream().map(SignedRequest::path).toList();
    assertThat(stack.witness.refusals()).isEmpty();
    assertThat(paths.get(0)).isEqualTo("/oauth/request_token");
    return new Signed(principal, paths.subList(1, paths.size()));
  }

  @Test
  void v2ReadsUsersMe(Vertx vertx) throws Exception {
    Signed signed = signInWith(vertx, new JsonObject().put("profileSource", "v2"));

    assertThat(signed.paths()).containsExactly("/oauth/access_token", "/2/users/me");
    assertThat(signed.principal().getString("screenName")).isEqualTo("ada");
    assertThat(signed.principal().getString("name")).isEqualTo("Ada Lovelace");
    assertThat(signed.principal().getString("email")).isNull();
  }

  @Test
  void v1_1ReadsVerifyCredentialsWithTheEmailWhenAsked(Vertx vertx) throws Exception {
    Signed signed = signInWith(vertx, new JsonObject().put("profileSource", "v1.1").put("includeEmail", true));

    assertThat(signed.paths()).containsExactly("/oauth/access_token", "/1.1/account/verify_credentials.json");
    assertThat(signed.principal().getString("name")).isEqualTo("Ada Lovelace");
    assertThat(signed.principal().getString("email")).isEqualTo("ada@sandbox.example");
  }

  @Test
  void tokenTakesTheExchangesAnswerAndCallsNothingMore(Vertx vertx) throws Exception {
    Signed signed = signInWith(vertx, new JsonObject().put("profileSource", "token"));

    assertThat(signed.paths()).containsExactly("/oauth/access_token");
    assertThat(signed.principal().getString("id")).isEqualTo(ADA);
    assertThat(signed.principal().getString("screenName")).isEqualTo("ada");
  }
}
