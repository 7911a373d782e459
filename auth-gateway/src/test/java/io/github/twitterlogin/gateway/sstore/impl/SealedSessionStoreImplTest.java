package io.github.twitterlogin.gateway.sstore.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.twitterlogin.gateway.sstore.SealedSessionStore;
import io.github.twitterlogin.shared.cluster.ClusterEntries;
import io.github.twitterlogin.shared.crypto.Keyring;
import io.github.twitterlogin.shared.testing.ForwardingClusterEntries;
import io.github.twitterlogin.shared.testing.TestKeys;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Session;
import io.vertx.junit5.VertxExtension;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The store on this process's entries (Vert.x not clustered), each request played by a session
 * object of its own: what one request that writes twice keeps of another's write in between, what
 * a request reads after losing a race, a destroyed session's new id, and a write that loses every race.
 */
@ExtendWith(VertxExtension.class)
class SealedSessionStoreImplTest {

  private static final long TIMEOUT_MILLIS = 1_800_000;

  private Meddling entries;
  private SealedSessionStoreImpl store;

  @BeforeEach
  void store(Vertx vertx) {
    entries = new Meddling(ClusterEntries.create(vertx, "sessions-" + UUID.randomUUID()));
    store = new SealedSessionStoreImpl(vertx, Keyring.parse("KEYS", TestKeys.SESSION_ENCRYPTION_KEYS), entries);
  }

  @Test
  void theStoreIsAVertxWebSessionStore(Vertx vertx) {
    Session created = store.createSession(TIMEOUT_MILLIS);

    assertThat(store.init(vertx, new JsonObject())).isSameAs(store);
    assertThat(store.retryTimeout()).isZero();
    assertThat(created.id()).matches("[0-9a-f]{32}");
    assertThat(created.timeout()).isEqualTo(TIMEOUT_MILLIS);
    await(store.put(created.put("user", "ada")));
    assertThat(await(store.size())).isEqualTo(1);
    await(store.clear());
    assertThat(await(store.size())).isZero();
  }

  @Test
  void aSessionReadBackKeepsItsOwnTimeout() {
    Session created = store.createSession(60_000, 16).put("user", "ada");
    await(store.put(created));

    assertThat(await(store.get(created.id())).timeout()).isEqualTo(60_000);
  }

  @Test
  void closingTheStoreClosesItsEntries() {
    store.close();

    assertThat(entries.closed).isTrue();
  }

  /** The callback takes the session's only entry, which removes the session; its sign-in then stores it anew. */
  @Test
  void aSessionEmptiedByATakeIsStoredAgainWithTheRequestsNextChange() {
    Session created = store.createSession(TIMEOUT_MILLIS).put("login:t", "t");
    await(store.put(created));
    Session callback = await(store.get(created.id()));

    assertThat(await(SealedSessionStoreImpl.take(callback, "login:t"))).isEqualTo("t");
    assertThat(await(store.size())).isZero();
    await(store.put(callback.put("user", "ada")));

    assertThat(SealedSessionStoreImpl.isLost(callback)).isFalse();
    assertThat(await(store.get(created.id())).data()).isEqualTo(Map.of("user", "ada"));
  }

  @Test
  void anIdNoSessionCouldHaveDeletesNothing() {
    Session created = store.createSession(TIMEOUT_MILLIS).put("user", "ada");
    await(store.put(created));

    await(store.delete("not-a-session-id"));
    await(store.delete(null));

    assertThat(await(store.size())).isEqualTo(1);
  }

  @Test
  void aDestroyedSessionIsNotWritten() {
    Session created = store.createSession(TIMEOUT_MILLIS).put("user", "ada");
    created.destroy();

    await(store.put(created));

    assertThat(await(store.size())).isZero();
  }

  /** Each value keeps its type through the seal, false included. */
  @Test
  void everyKindOfValueReadsBackAsItWasPut() {
    JsonObject json = new JsonObject().put("id", "1");
    Session created = store.createSession(TIMEOUT_MILLIS).put("text", "é").put("long", 5L).put("int", 7)
        .put("yes", true).put("no", false).put("double", 0.5).put("json", json);
    await(store.put(created));

    assertThat(await(store.get(created.id())).data()).isEqualTo(Map.of("text", "é", "long", 5L, "int", 7,
        "yes", true, "no", false, "double", 0.5, "json", json));
  }

  /** A new session written once and again by its request keeps what another request wrote in between. */
  @Test
  void aSecondWriteOfANewSessionKeepsAnotherRequestsWriteInBetween() {
    Session created = store.createSession(TIMEOUT_MILLIS).put("first", "1");
    await(store.put(created));
    Session other = await(store.get(created.id()));
    await(store.put(other.put("other", "2")));

    await(store.put(created.put("again", "3")));

    assertThat(await(store.get(created.id())).data()).containsOnlyKeys("first", "other", "again");
  }

  /** A take writes at once; the same request's later changes go on top of what others wrote since. */
  @Test
  void aTakeThenAChangeKeepsAnotherRequestsWriteInBetween() {
    Session created = store.createSession(TIMEOUT_MILLIS).put("login:t", "t").put("shared", "old");
    await(store.put(created));
    Session callback = await(store.get(created.id()));
    Session otherTab = await(store.get(created.id()));

    assertThat(await(SealedSessionStoreImpl.take(callback, "login:t"))).isEqualTo("t");
    await(store.put(otherTab.put("shared", "new")));
    await(store.put(callback.put("user", "ada")));

    assertThat(await(store.get(created.id())).data()).isEqualTo(Map.of("shared", "new", "user", "ada"));
  }

  /** After a lost race a request sees the other's copy with its own changes on top, removals included. */
  @Test
  void aRequestThatLostARaceSeesTheOthersCopyWithItsOwnChanges() {
    Session created = store.createSession(TIMEOUT_MILLIS).put("theirs", "old").put("gone", "x").put("mine", "old");
    await(store.put(created));
    Session slow = await(store.get(created.id()));
    Session fast = await(store.get(created.id()));
    fast.remove("gone");
    await(store.put(fast.put("theirs", "new").put("mine", "theirs")));

    await(store.put(slow.put("mine", "new")));

    Map<String, Object> expected = Map.of("theirs", "new", "mine", "new");
    assertThat(slow.data()).isEqualTo(expected);
    assertThat(await(store.get(created.id())).data()).isEqualTo(expected);
  }

  /** vertx-web gives a destroyed session that is used again a new id: it inherits nothing, not even what another tab added. */
  @Test
  void aDestroyedSessionUsedAgainStartsEmpty() {
    Session created = store.createSession(TIMEOUT_MILLIS).put("user", "ada");
    await(store.put(created));
    Session signingOut = await(store.get(created.id()));
    Session otherTab = await(store.get(created.id()));
    await(store.put(otherTab.put("login:b", "started meanwhile")));
    String oldId = signingOut.id();

    signingOut.destroy();
    signingOut.put("flash", "signed out");
    await(store.delete(oldId).compose(deleted -> store.put(signingOut)));

    assertThat(signingOut.id()).isNotEqualTo(oldId);
    assertThat(await(store.get(signingOut.id())).data()).isEqualTo(Map.of("flash", "signed out"));
    assertThat(await(store.get(oldId))).isNull();
  }

  /** The last values of the 1,024 sessions removed most recently are kept for their renewal, the first of them too. */
  @Test
  void aRenewalFindsTheLatestValueWith1024RemovedSessionsKept() {
    Session created = store.createSession(TIMEOUT_MILLIS).put("login:a", "a");
    await(store.put(created));
    Session signingIn = await(store.get(created.id()));
    Session otherTab = await(store.get(created.id()));
    await(store.put(otherTab.put("login:b", "b")));
    String oldId = signingIn.id();
    signingIn.regenerateId().put("user", "ada");

    await(store.delete(oldId));
    for (int i = 1; i < 1024; i++) {
      Session removed = store.createSession(TIMEOUT_MILLIS).put("n", i);
      await(store.put(removed).compose(stored -> store.delete(removed.id())));
    }
    await(store.put(signingIn));

    assertThat(await(store.get(signingIn.id())).data()).containsOnlyKeys("login:a", "login:b", "user");
  }

  @Test
  void aWriteThatLosesEveryRaceFailsAfter32Attempts() {
    Session created = store.createSession(TIMEOUT_MILLIS).put("first", "1");
    await(store.put(created));
    Session read = await(store.get(created.id()));
    entries.meddle(store, created.id());

    assertThatThrownBy(() -> await(store.put(read.put("second", "2"))))
        .hasMessageContaining("changed 32 times");
    assertThat(entries.attempts).hasValue(32);
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.await(20, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  /** The real entries; when meddling, another request writes the session before each of the store's writes. */
  private static final class Meddling extends ForwardingClusterEntries {

    private final AtomicInteger attempts = new AtomicInteger();
    private final AtomicBoolean meddling = new AtomicBoolean();
    private SealedSessionStoreImpl store;
    private String id;
    private volatile boolean closed;

    Meddling(ClusterEntries entries) {
      super(entries);
    }

    void meddle(SealedSessionStoreImpl store, String id) {
      this.store = store;
      this.id = id;
      meddling.set(true);
    }

    @Override
    public Future<Boolean> compareAndSet(String key, byte[] expected, byte[] replacement) {
      if (!meddling.get()) {
        return entries.compareAndSet(key, expected, replacement);
      }
      int attempt = attempts.incrementAndGet();
      meddling.set(false);
      return store.get(id)
          .compose(other -> store.put(other.put("other", attempt)))
          .andThen(written -> meddling.set(true))
          .compose(written -> entries.compareAndSet(key, expected, replacement));
    }

    @Override
    public void close() {
      closed = true;
      entries.close();
    }
  }
}
