package io.github.twitterlogin.service.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.twitterlogin.service.testing.LoopbackDeployments;
import io.github.twitterlogin.service.testing.SecretsStayOutOfLogs;
import io.github.twitterlogin.shared.TokenCredentials;
import io.github.twitterlogin.shared.TwitterClient;
import io.github.twitterlogin.shared.TwitterFailure;
import io.github.twitterlogin.shared.TwitterFailureException;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sign-out and the user's access token, through the gateway, the real Twitter client verticle
 * and the sandbox. The token is the one the sandbox issued for the login (the witness saw the
 * answer), and it is tried through the Twitter client, as any verticle of the cluster would.
 */
@ExtendWith({VertxExtension.class, SecretsStayOutOfLogs.class})
class SignOutRevocationTest {

  private static final String ADA = "1000000001";

  @Test
  void signOutRevokesTheAccessTokenWhenConfiguredTo(Vertx vertx) throws Exception {
    LoginStack.Options options = LoginStack.with();
    options.gatewayConfig = LoopbackDeployments.gatewayConfig().put("auth", new JsonObject().put("invalidateTokenOnLogout", true));
    LoginStack stack = options.start(vertx);
    SignInBrowser browser = new SignInBrowser(vertx);
    TokenCredentials accessToken = signIn(stack, browser);
    TwitterClient twitter = TwitterClient.create(vertx);
    assertThat(twitter.verifyCredentials(accessToken).await(30, TimeUnit.SECONDS).screenName())
        .as("the token before sign-out").isEqualTo("ada");

    assertThat(browser.signOut(stack.gatewayUrl()).statusCode()).isEqualTo(303);

    assertThatThrownBy(() -> twitter.verifyCredentials(accessToken).await(30, TimeUnit.SECONDS))
        .isInstanceOfSatisfying(TwitterFailureException.class, refused -> {
          assertThat(refused.failure()).isEqualTo(TwitterFailure.CREDENTIALS_REJECTED);
          assertThat(refused.twitterErrorCode()).as("Twitter's 'Invalid or expired token'").hasValue(89);
        });
    assertThat(stack.witness.refusals()).isEmpty();
  }

  @Test
  void signOutLeavesTheAccessTokenValidByDefault(Vertx vertx) throws Exception {
    LoginStack stack = LoginStack.start(vertx);
    SignInBrowser browser = new SignInBrowser(vertx);
    TokenCredentials accessToken = signIn(stack, browser);

    assertThat(browser.signOut(stack.gatewayUrl()).statusCode()).isEqualTo(303);

    assertThat(TwitterClient.create(vertx).verifyCredentials(accessToken).await(30, TimeUnit.SECONDS).screenName())
        .isEqualTo("ada");
  }

  /** Signs @ada in; returns the access token the sandbox issued for this login. */
  private static TokenCredentials signIn(LoginStack stack, SignInBrowser browser) {
    assertThat(browser.signIn(stack.gatewayUrl(), ADA).statusCode()).isEqualTo(302);
    assertThat(browser.getJson(stack.gatewayUrl() + "/app").bodyAsJsonObject().getString("screenName"))
        .isEqualTo("ada");
    List<TokenCredentials> issued = stack.witness.accessTokensIssued();
    assertThat(issued).as("access tokens the sandbox issued").hasSize(1);
    return issued.get(0);
  }
}
