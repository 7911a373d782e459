package io.github.twitterlogin.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.twitterlogin.shared.OAuth2Tokens;
import io.github.twitterlogin.shared.SignedOut;
import io.github.twitterlogin.shared.TokenCredentials;
import io.github.twitterlogin.shared.TwitterFailure;
import io.github.twitterlogin.shared.TwitterFailureException;
import io.github.twitterlogin.shared.cluster.ClusterEntries;
import io.github.twitterlogin.shared.crypto.Keyring;
import io.github.twitterlogin.shared.testing.ForwardingClusterEntries;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The vault on this process's entries (Vert.x not clustered): what it does with an entry that does
 * not open, after a key rotation, and when every write loses its compare-and-set.
 */
@ExtendWith(VertxExtension.class)
class UserTokenVaultTest {

  private static final String OLD = "old:" + key('o');
  private static final String NEW = "new:" + key('n');
  private static final TokenCredentials TOKEN = new TokenCredentials("token-1", "secret-1");

  @Test
  void aKeptTokenIsFoundAfterAKeyRotation(Vertx vertx) throws Exception {
    Recording entries = new Recording(ClusterEntries.create(vertx, "vault-rotation"));
    await(vault(entries, OLD).keep("42", TOKEN, "sign-in-1"));

    UserTokenVault rotated = vault(entries, NEW + "," + OLD);

    assertThat(await(rotated.kept("42").map(UserTokenVault.Kept::token))).isEqualTo(TOKEN);
    assertThat(failureOf(rotated.kept("43"))).isEqualTo(TwitterFailure.NOT_SIGNED_IN);
    await(rotated.keep("42", TOKEN, "sign-in-2"));
    assertThat(await(rotated.kept("42")).signIns()).containsExactly("sign-in-1", "sign-in-2");
    assertThat(await(rotated.size())).isEqualTo(1);
  }

  /** A refresh stores the grant it gave only over the one it spent: a newer sign-in's grant stays. */
  @Test
  void aRefreshReplacesOnlyTheGrantItSpent(Vertx vertx) throws Exception {
    Recording entries = new Recording(ClusterEntries.create(vertx, "vault-refresh"));
    UserTokenVault vault = vault(entries, NEW);
    await(vault.keep("42", grant("a"), "sign-in-1"));

    await(vault.refreshed("42", grant("a"), grant("b")));
    assertThat(await(vault.kept("42"))).isEqualTo(new UserTokenVault.Kept(null, grant("b"), List.of("sign-in-1")));

    int writes = entries.attempts.get();
    await(vault.refreshed("42", grant("a"), grant("c")));
    assertThat(await(vault.kept("42")).oauth2()).isEqualTo(grant("b"));
    assertThat(entries.attempts).as("a refresh that changes nothing writes nothing").hasValue(writes);
  }

  /** Twitter refused a refresh token: its grant is forgotten, not a newer one, nor an OAuth 1.0a token. */
  @Test
  void aRefusedRefreshForgetsOnlyTheGrantItSpent(Vertx vertx) throws Exception {
    UserTokenVault vault = vault(new Recording(ClusterEntries.create(vertx, "vault-refused")), NEW);
    await(vault.keep("42", grant("new"), "sign-in-1"));
    await(vault.keep("7", TOKEN, "sign-in-2"));

    await(vault.forgetGrant("42", grant("old")));
    await(vault.forgetGrant("7", grant("old")));
    assertThat(await(vault.kept("42")).oauth2()).isEqualTo(grant("new"));
    assertThat(await(vault.kept("7")).token()).isEqualTo(TOKEN);

    await(vault.forgetGrant("42", grant("new")));
    assertThat(failureOf(vault.kept("42"))).isEqualTo(TwitterFailure.NOT_SIGNED_IN);
  }

  @Test
  void forgettingSomeoneNotKeptWritesNothing(Vertx vertx) throws Exception {
    Recording entries = new Recording(ClusterEntries.create(vertx, "vault-nobody"));
    UserTokenVault vault = vault(entries, NEW);

    await(vault.forget("nobody"));

    assertThat(entries.attempts).hasValue(0);
    assertThat(await(vault.size())).isZero();
  }

  /** The refresh lock of a user is named by her keyed hash, so a lock's name says nothing of who she is. */
  @Test
  void theRefreshLockIsNamedByTheKeyedHashOfTheUser(Vertx vertx) {
    UserTokenVault vault = vault(new Recording(ClusterEntries.create(vertx, "vault-locks")), NEW);

    assertThat(vault.lockName("user-1000001")).startsWith(UserTokenVault.MAP_NAME + ".refresh.")
        .doesNotContain("1000001").isEqualTo(vault.lockName("user-1000001"))
        .isNotEqualTo(vault.lockName("user-1000002"));
  }

  /** With session retention her token stays while a sign-in is left, and endSignIn says when it went. */
  @Test
  void endingASignInSaysWhetherTheTokenWentWithIt(Vertx vertx) throws Exception {
    UserTokenVault vault = vault(new Recording(ClusterEntries.create(vertx, "vault-sign-ins")), NEW);
    await(vault.keep("42", TOKEN, "sign-in-1"));
    await(vault.keep("42", TOKEN, "sign-in-2"));

    assertThat(await(vault.endSignIn("42", "sign-in-1", SignedOut.Reason.EXPIRED))).isFalse();
    assertThat(await(vault.kept("42").map(UserTokenVault.Kept::token))).isEqualTo(TOKEN);
    assertThat(await(vault.endSignIn("42", "sign-in-2", SignedOut.Reason.LOGOUT))).isTrue();
    assertThat(failureOf(vault.kept("42"))).isEqualTo(TwitterFailure.NOT_SIGNED_IN);
  }

  /** An altered entry keeps nothing anyone can use: she is not signed in, and her next sign-in overwrites it. */
  @Test
  void anEntryThatDoesNotOpenKeepsNoToken(Vertx vertx) throws Exception {
    Recording entries = new Recording(ClusterEntries.create(vertx, "vault-altered"));
    UserTokenVault vault = vault(entries, NEW);
    await(vault.keep("42", TOKEN, "sign-in-1"));
    byte[] sealed = await(entries.get(entries.lastKey));
    byte[] altered = sealed.clone();
    altered[altered.length - 1] ^= 1;
    assertThat(await(entries.compareAndSet(entries.lastKey, sealed, altered))).isTrue();

    assertThat(failureOf(vault.kept("42"))).isEqualTo(TwitterFailure.NOT_SIGNED_IN);

    TokenCredentials next = new TokenCredentials("token-2", "secret-2");
    await(vault.keep("42", next, "sign-in-2"));
    assertThat(await(vault.kept("42").map(UserTokenVault.Kept::token))).isEqualTo(next);
    assertThat(await(vault.endSignIn("42", "sign-in-2", SignedOut.Reason.LOGOUT))).isTrue();
    assertThat(await(vault.size())).isZero();
  }

  /**
   * Another member writes before each of the vault's writes: the store without a read that a
   * sign-in tries first, then 32 lost races of compare-and-set, and it fails; it does not loop.
   */
  @Test
  void aWriteThatLosesEveryRaceFailsAfter32Attempts(Vertx vertx) throws Exception {
    Recording entries = new Recording(ClusterEntries.create(vertx, "vault-contended"));
    UserTokenVault vault = vault(entries, NEW);
    await(vault.keep("42", TOKEN, "sign-in-1"));
    entries.meddle = true;
    entries.attempts.set(0);

    Throwable failure = failureThrown(vault.keep("42", TOKEN, "sign-in-2"));

    assertThat(((TwitterFailureException) failure).failure()).isEqualTo(TwitterFailure.INTERNAL_ERROR);
    assertThat(failure).hasMessageContaining("32 times");
    assertThat(entries.attempts).hasValue(1 + 32);
  }

  private static OAuth2Tokens grant(String name) {
    return new OAuth2Tokens("access-" + name, "refresh-" + name, Instant.parse("2026-01-01T00:00:00Z"), List.of("tweet.read"));
  }

  private static UserTokenVault vault(ClusterEntries entries, String keys) {
    return new UserTokenVault(entries, Keyring.parse("KEYS", keys), UserTokenRetention.SESSION);
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.await(20, TimeUnit.SECONDS);
  }

  private static Throwable failureThrown(Future<?> future) {
    Throwable[] thrown = new Throwable[1];
    assertThatThrownBy(() -> await(future)).satisfies(failure -> thrown[0] = failure);
    return thrown[0];
  }

  private static TwitterFailure failureOf(Future<?> future) {
    return ((TwitterFailureException) failureThrown(future)).failure();
  }

  private static String key(char fill) {
    return Base64.getEncoder().encodeToString(String.valueOf(fill).repeat(32).getBytes());
  }

  /** The real entries, recording the key of the last write; when meddling, another writer goes first each time. */
  private static final class Recording extends ForwardingClusterEntries {

    private final AtomicInteger attempts = new AtomicInteger();
    private volatile String lastKey;
    private volatile boolean meddle;

    Recording(ClusterEntries entries) {
      super(entries);
    }

    @Override
    public Future<Boolean> compareAndSet(String key, byte[] expected, byte[] replacement) {
      lastKey = key;
      attempts.incrementAndGet();
      if (!meddle) {
        return entries.compareAndSet(key, expected, replacement);
      }
      byte[] theirs = new byte[] {(byte) attempts.get()};
      return entries.get(key)
          .compose(current -> entries.compareAndSet(key, current, theirs))
          .compose(written -> entries.compareAndSet(key, expected, replacement));
    }
  }
}
