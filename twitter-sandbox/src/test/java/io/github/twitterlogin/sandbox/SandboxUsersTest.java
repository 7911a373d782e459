package io.github.twitterlogin.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.twitterlogin.sandbox.TokenStore.AccessToken;
import io.github.twitterlogin.sandbox.TokenStore.RequestToken;
import io.github.twitterlogin.shared.testing.TestClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SandboxUsersTest {

  @Test
  void loadUsersAreNumberedAndKnownByTheirIds() {
    SandboxUsers users = new SandboxUsers(SandboxUser.defaults(), true);

    SandboxUser first = users.newLoadUser();
    SandboxUser second = users.newLoadUser();

    assertThat(first.screenName()).isEqualTo("load1");
    assertThat(second.screenName()).isEqualTo("load2");
    assertThat(first.id()).isNotEqualTo(second.id());
    assertThat(users.byId(second.id())).contains(second);
  }

  @Test
  void loadUserNotHandedOutYetIsUnknown() {
    SandboxUsers users = new SandboxUsers(SandboxUser.defaults(), true);
    SandboxUser first = users.newLoadUser();

    assertThat(users.byId(Long.toString(Long.parseLong(first.id()) + 1))).isEmpty();
  }

  @Test
  void withoutLoadModeNoLoadUserIsKnown() {
    SandboxUsers users = new SandboxUsers(SandboxUser.defaults(), false);

    assertThat(users.byId(Long.toString(SandboxUsers.LOAD_ID_BASE + 1))).isEmpty();
  }

  @Test
  void numbersAndScreenNamesOfConfiguredUsersAreSkipped() {
    SandboxUsers users = new SandboxUsers(List.of(
        new SandboxUser(Long.toString(SandboxUsers.LOAD_ID_BASE + 1), "taken_one", null, null, null),
        new SandboxUser("7", "LOAD2", null, null, null)), true);

    assertThat(users.newLoadUser().screenName()).isEqualTo("load3");
  }

  /**
   * A long run keeps a bounded memory: a load user is nothing but its number, and the tokens
   * that name it are the only trace of it, as many as the token memory holds.
   */
  @Test
  void manyLoginsKeepABoundedMemory() {
    SandboxUsers users = new SandboxUsers(SandboxUser.defaults(), true);
    TokenStore tokens = new TokenStore(TestClock.standingStill(), Duration.ofSeconds(60), 100);
    AccessToken last = null;

    for (int login = 0; login < 20_000; login++) {
      RequestToken token = tokens.issueRequestToken("consumer", "http://127.0.0.1:8080/callback", AccessLevel.READ);
      tokens.authorize(token, users.newLoadUser().id());
      last = tokens.exchange(token);
    }

    assertThat(tokens.accessTokenCount()).isEqualTo(100);
    assertThat(tokens.requestTokenCount()).isZero();
    assertThat(users.byId(last.userId()).map(SandboxUser::screenName)).contains("load20000");
  }
}
