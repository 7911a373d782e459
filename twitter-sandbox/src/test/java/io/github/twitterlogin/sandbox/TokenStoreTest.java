package io.github.twitterlogin.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.twitterlogin.sandbox.TokenStore.AccessToken;
import io.github.twitterlogin.sandbox.TokenStore.RequestToken;
import io.github.twitterlogin.shared.testing.TestClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TokenStoreTest {

  private static final String CALLBACK = "http://127.0.0.1:8080/callback";

  private final TestClock clock = TestClock.standingStill();

  @Test
  void requestTokenIsLiveUntilItsLifetimeEnds() {
    TokenStore tokens = new TokenStore(clock, Duration.ofSeconds(60), 10);
    RequestToken token = tokens.issueRequestToken("consumer", CALLBACK, AccessLevel.READ_WRITE);

    clock.advance(Duration.ofSeconds(59));
    assertThat(tokens.liveRequestToken(token.token)).containsSame(token);
    clock.advance(Duration.ofSeconds(1));
    assertThat(tokens.liveRequestToken(token.token)).isEmpty();
  }

  @Test
  void expiredRequestTokensAreForgottenWhenTheNextIsIssued() {
    TokenStore tokens = new TokenStore(clock, Duration.ofSeconds(60), 10);
    tokens.issueRequestToken("consumer", CALLBACK, AccessLevel.READ_WRITE);
    tokens.issueRequestToken("consumer", CALLBACK, AccessLevel.READ_WRITE);
    clock.advance(Duration.ofSeconds(61));

    tokens.issueRequestToken("consumer", CALLBACK, AccessLevel.READ_WRITE);

    assertThat(tokens.requestTokenCount()).isEqualTo(1);
  }

  @Test
  void exchangedRequestTokenIsSpent() {
    TokenStore tokens = new TokenStore(clock, Duration.ofSeconds(60), 10);
    RequestToken token = tokens.issueRequestToken("consumer", CALLBACK, AccessLevel.READ_WRITE);
    tokens.authorize(token, "1000000001");

    AccessToken access = tokens.exchange(token);

    assertThat(access.userId()).isEqualTo("1000000001");
    assertThat(tokens.liveRequestToken(token.token)).isEmpty();
  }

  @Test
  void accessTokenMemoryForgetsTheOldestBeyondItsMaximum() {
    TokenStore tokens = new TokenStore(clock, Duration.ofSeconds(60), 2);
    AccessToken first = signIn(tokens);
    AccessToken second = signIn(tokens);
    AccessToken third = signIn(tokens);

    assertThat(tokens.accessTokenCount()).isEqualTo(2);
    assertThat(tokens.accessToken(first.token())).isEmpty();
    assertThat(tokens.accessToken(second.token())).contains(second);
    assertThat(tokens.accessToken(third.token())).contains(third);
  }

  @Test
  void revokedAccessTokenIsGone() {
    TokenStore tokens = new TokenStore(clock, Duration.ofSeconds(60), 10);
    AccessToken access = signIn(tokens);

    tokens.revoke(access.token());

    assertThat(tokens.accessToken(access.token())).isEmpty();
  }

  private static AccessToken signIn(TokenStore tokens) {
    RequestToken token = tokens.issueRequestToken("consumer", CALLBACK, AccessLevel.READ_WRITE);
    tokens.authorize(token, "1000000001");
    return tokens.exchange(token);
  }
}
