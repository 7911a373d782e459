package io.github.twitterlogin.gateway.impl;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.twitterlogin.shared.testing.TestClock;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Session;
import io.vertx.ext.web.sstore.LocalSessionStore;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** An OAuth 2.0 login pending in a session, as the gateway's OAuth 2.0 sign-in starts one. */
@ExtendWith(VertxExtension.class)
class PendingLoginsTest {

  @Test
  void anOAuth2LoginIsKeptByItsStateWithItsVerifierUntilItExpires(Vertx vertx) {
    TestClock clock = TestClock.standingStill();
    PendingLogins logins = new PendingLogins(clock, Duration.ofMinutes(10), 16);
    Session session = LocalSessionStore.create(vertx).createSession(1_800_000);

    logins.addOAuth2(session, "state-1", "the-pkce-verifier", "/app");
    Object pending = session.get(PendingLogins.keyOf("state-1"));

    assertThat(logins.live(pending)).get().satisfies(login -> {
      assertThat(login.codeVerifier()).isEqualTo("the-pkce-verifier");
      assertThat(login.requestToken()).isNull();
      assertThat(login.returnTo()).isEqualTo("/app");
    });
    clock.advance(Duration.ofMinutes(10));
    assertThat(logins.live(pending)).isEmpty();
  }
}
