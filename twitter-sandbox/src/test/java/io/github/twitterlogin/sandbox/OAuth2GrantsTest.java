package io.github.twitterlogin.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.twitterlogin.sandbox.OAuth2Grants.Code;
import io.github.twitterlogin.sandbox.OAuth2Grants.Issued;
import io.github.twitterlogin.shared.testing.TestClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class OAuth2GrantsTest {

  private static final String CALLBACK = "http://127.0.0.1:8080/callback";

  private final TestClock clock = TestClock.standingStill();
  private final OAuth2Grants grants = new OAuth2Grants(clock, Duration.ofMinutes(5), Duration.ofSeconds(30),
      Duration.ofHours(2), 3);

  @Test
  void grantMemoryForgetsTheOldestGrantWithItsTokens() {
    Issued first = login(List.of("users.read", "offline.access"));
    for (int login = 0; login < 3; login++) {
      login(List.of("users.read", "offline.access"));
    }

    assertThat(grants.grantCount()).isEqualTo(3);
    assertThat(grants.accessToken(first.access().token())).isEmpty();
    assertThat(grants.refresh(first.refreshToken(), SandboxOAuth2Client.DEFAULT_CLIENT_ID)).isEmpty();
  }

  @Test
  void refreshesWithoutEndKeepABoundedMemory() {
    Issued issued = login(List.of("users.read", "offline.access"));
    for (int refresh = 0; refresh < 1_000; refresh++) {
      issued = grants.refresh(issued.refreshToken(), SandboxOAuth2Client.DEFAULT_CLIENT_ID).orElseThrow();
    }

    assertThat(grants.accessTokenCount()).isEqualTo(100);
    assertThat(grants.accessToken(issued.access().token())).isPresent();
  }

  @Test
  void accessTokenLivesTwoHours() {
    Issued issued = login(List.of("users.read"));

    clock.advance(Duration.ofHours(2).minusSeconds(1));
    assertThat(grants.accessToken(issued.access().token())).isPresent();
    clock.advance(Duration.ofSeconds(1));
    assertThat(grants.accessToken(issued.access().token())).isEmpty();
  }

  @Test
  void expiredCodesAreForgottenWhenTheNextIsIssued() {
    OAuth2Grants.Pending request = pending(List.of("users.read"));
    Code code = grants.issueCode(request, "1000000001");
    clock.advance(Duration.ofSeconds(30));

    grants.issueCode(pending(List.of("users.read")), "1000000001");

    assertThat(grants.code(code.code)).isEmpty();
  }

  private Issued login(List<String> scopes) {
    return grants.grant(grants.issueCode(pending(scopes), "1000000001"));
  }

  private OAuth2Grants.Pending pending(List<String> scopes) {
    return grants.await(SandboxOAuth2Client.byDefault(), CALLBACK, scopes, "state",
        OAuth2TokenEndpoints.s256("a-verifier-of-forty-three-characters-or-more"));
  }
}
