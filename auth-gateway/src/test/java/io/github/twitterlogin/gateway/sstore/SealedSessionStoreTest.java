package io.github.twitterlogin.gateway.sstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.EntryView;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.github.twitterlogin.shared.crypto.Keyring;
import io.github.twitterlogin.shared.testing.ClusterMembers;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Session;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The store on two real Hazelcast members, each request played by the store of one member. */
class SealedSessionStoreTest {

  private static final String KEY_1 = "k1:" + key('1');
  private static final String KEY_2 = "k2:" + key('2');
  private static final long TIMEOUT_MILLIS = 1_800_000;
  private static final int SESSION_ID_BYTES = 32;

  private static ClusterMembers cluster;
  private static String mapName;
  private SealedSessionStore storeA;
  private SealedSessionStore storeB;

  @BeforeAll
  static void startCluster() throws Exception {
    cluster = ClusterMembers.startOnLoopback("sealed-store-test", 2);
  }

  @AfterAll
  static void stopCluster() throws Exception {
    cluster.close();
  }

  @BeforeEach
  void stores() {
    mapName = "sessions-" + UUID.randomUUID();
    storeA = store(cluster.get(0), KEY_1);
    storeB = store(cluster.get(1), KEY_1);
  }

  /**
   * Each test's sessions go with its map: Hazelcast sweeps a few partitions with entries that can
   * expire every 5 s, and those that earlier tests left would delay the sweep of this one's.
   */
  @AfterEach
  void dropsTheMap() {
    map().destroy();
  }

  @Test
  void aChangedSessionKeepsItsIdleTimeout() {
    Session created = storeA.createSession(TIMEOUT_MILLIS, SESSION_ID_BYTES).put("login:a", new JsonObject());
    await(storeA.put(created));
    Session read = await(storeB.get(created.id())).put("login:b", new JsonObject());
    await(storeB.put(read));

    EntryView<String, byte[]> entry = map().getEntryView(SealedSessionStore.mapKey(keys(KEY_1), created.id()));

    assertThat(entry.getMaxIdle()).isEqualTo(TIMEOUT_MILLIS);
    assertThat(entry.getTtl()).isEqualTo(Long.MAX_VALUE);
    assertThat(await(storeA.get(created.id())).data()).containsOnlyKeys("login:a", "login:b");
  }

  @Test
  void aSessionThatHoldsNothingIsNotStored() {
    Session empty = storeA.createSession(TIMEOUT_MILLIS, SESSION_ID_BYTES);

    await(storeA.put(empty));

    assertThat(map().size()).isZero();
    assertThat(await(storeA.get(empty.id()))).isNull();
  }

  @Test
  void aRequestThatChangedNothingWritesNothing() {
    Session created = storeA.createSession(TIMEOUT_MILLIS, SESSION_ID_BYTES).put("user", new JsonObject().put("id", "1"));
    await(storeA.put(created));
    String mapKey = SealedSessionStore.mapKey(keys(KEY_1), created.id());
    byte[] before = map().get(mapKey);

    Session read = await(storeB.get(created.id()));
    read.put("user", new JsonObject().put("id", "1"));
    await(storeB.put(read));

    assertThat(map().get(mapKey)).isEqualTo(before);
  }

  @Test
  void concurrentChangesToDifferentEntriesAreAllKept() {
    for (int trial = 0; trial < 20; trial++) {
      Session created = storeA.createSession(TIMEOUT_MILLIS, SESSION_ID_BYTES).put("first", "1");
      await(storeA.put(created));
      List<Session> requests = IntStream.range(0, 6)
          .mapToObj(i -> await(store(i).get(created.id())).put("tab" + i, "started"))
          .toList();

      await(Future.all(IntStream.range(0, 6).mapToObj(i -> store(i).put(requests.get(i))).toList()));

      assertThat(await(storeA.get(created.id())).data())
          .containsOnlyKeys("first", "tab0", "tab1", "tab2", "tab3", "tab4", "tab5");
    }
  }

  @Test
  void onlyOneOfTwoConcurrentTakesGetsTheValue() {
    for (int trial = 0; trial < 50; trial++) {
      Session created = storeA.createSession(TIMEOUT_MILLIS, SESSION_ID_BYTES)
          .put("login:t", new JsonObject().put("token", "t")).put("other", "kept");
      await(storeA.put(created));
      Session onA = await(storeA.get(created.id()));
      Session onB = await(storeB.get(created.id()));

      List<Object> taken = await(Future.all(SealedSessionStore.take(onA, "login:t"), SealedSessionStore.take(onB, "login:t"))).list();

      assertThat(taken).containsExactlyInAnyOrder(new JsonObject().put("token", "t"), null);
      assertThat(await(storeA.get(created.id())).data()).containsOnlyKeys("other");
    }
  }

  @Test
  void aRemovedSessionIsNeverWrittenBack() {
    Session created = storeA.createSession(TIMEOUT_MILLIS, SESSION_ID_BYTES).put("user", "ada");
    await(storeA.put(created));
    Session inFlight = await(storeB.get(created.id()));

    await(storeA.delete(created.id()));
    await(storeB.put(inFlight.put("login:late", "started")));

    assertThat(SealedSessionStore.isLost(inFlight)).isTrue();
    assertThat(await(storeA.get(created.id()))).isNull();
    assertThat(map().size()).isZero();
  }

  @Test
  void aNewIdCarriesWhatConcurrentRequestsAddedMeanwhile() {
    Session created = storeA.createSession(TIMEOUT_MILLIS, SESSION_ID_BYTES).put("login:a", "a");
    await(storeA.put(created));
    Session signingIn = await(storeA.get(created.id()));
    Session otherTab = await(storeB.get(created.id()));
    await(storeB.put(otherTab.put("login:b", "b")));

    String oldId = signingIn.id();
    signingIn.remove("login:a");
    signingIn.regenerateId().put("user", "ada");
    await(storeA.delete(oldId).compose(deleted -> storeA.put(signingIn)));

    assertThat(await(storeB.get(signingIn.id())).data()).containsOnlyKeys("login:b", "user");
    assertThat(await(storeB.get(oldId))).isNull();
  }

  @Test
  void aSessionLeftWithNothingIsRemoved() {
    Session created = storeA.createSession(TIMEOUT_MILLIS, SESSION_ID_BYTES).put("login:t", "t");
    await(storeA.put(created));

    await(SealedSessionStore.take(await(storeB.get(created.id())), "login:t"));

    assertThat(map().size()).isZero();
  }

  @Test
  void sessionsSealedBeforeAKeyRotationAreStillRead() {
    Session created = storeA.createSession(TIMEOUT_MILLIS, SESSION_ID_BYTES).put("user", "ada");
    await(storeA.put(created));
    SealedSessionStore rotated = store(cluster.get(1), KEY_2 + "," + KEY_1);

    Session read = await(rotated.get(created.id()));
    await(rotated.put(read.put("csrf", "x")));

    assertThat(await(rotated.get(created.id())).data()).containsOnlyKeys("user", "csrf");
    assertThat(await(store(cluster.get(0), KEY_2).get(created.id()))).as("once the old key is retired").isNull();
  }

  @Test
  void aValueMovedUnderAnotherSessionsKeyDoesNotOpen() {
    Session victim = storeA.createSession(TIMEOUT_MILLIS, SESSION_ID_BYTES).put("user", "victim");
    Session attacker = storeA.createSession(TIMEOUT_MILLIS, SESSION_ID_BYTES).put("user", "attacker");
    await(storeA.put(victim));
    await(storeA.put(attacker));
    IMap<String, byte[]> map = map();

    map.put(SealedSessionStore.mapKey(keys(KEY_1), attacker.id()),
        map.get(SealedSessionStore.mapKey(keys(KEY_1), victim.id())));

    assertThat(await(storeB.get(attacker.id()))).isNull();
  }

  @Test
  void aSessionThatExpiresUnreadSaysWhoItWasSignedInAsOnOneMember() throws Exception {
    List<JsonObject> ended = new CopyOnWriteArrayList<>();
    Promise<Void> first = Promise.promise();
    for (int member = 0; member < 2; member++) {
      cluster.get(member).eventBus().<JsonObject>localConsumer(SealedSessionStore.SESSION_ENDED_ADDRESS, message -> {
        ended.add(message.body());
        message.reply(new JsonObject());
        first.tryComplete();
      }).completion().await(30, TimeUnit.SECONDS);
    }
    JsonObject signIn = new JsonObject().put("userId", "1001").put("signInId", "s1");
    Session created = storeA.createSession(1_000, SESSION_ID_BYTES).put(SealedSessionStore.SIGN_IN_ENTRY, signIn);
    await(storeA.put(created));

    first.future().await(60, TimeUnit.SECONDS);

    assertThat(ended).first().isEqualTo(new JsonObject().put("cause", "expired").put("signIn", signIn));
    assertThat(map().size()).isZero();
  }

  @Test
  void whoASessionIsSignedInAsIsSealedToo() {
    Session created = storeA.createSession(TIMEOUT_MILLIS, SESSION_ID_BYTES)
        .put(SealedSessionStore.SIGN_IN_ENTRY, new JsonObject().put("userId", "1000000001").put("csrf", "token-x"));
    await(storeA.put(created));

    String stored = new String(map().values().iterator().next(), StandardCharsets.ISO_8859_1);

    assertThat(stored).doesNotContain("1000000001", "token-x", "userId");
    assertThat(await(storeB.get(created.id())).<JsonObject>get(SealedSessionStore.SIGN_IN_ENTRY).getString("csrf"))
        .isEqualTo("token-x");
  }

  @Test
  void idsThatNoSessionCouldHaveCostNoLookup() {
    assertThat(await(storeA.get("not-hex!"))).isNull();
    assertThat(await(storeA.get("ab".repeat(2000)))).isNull();
    long gets = hazelcast(cluster.get(0)).getMap(mapName).getLocalMapStats().getGetOperationCount()
        + hazelcast(cluster.get(1)).getMap(mapName).getLocalMapStats().getGetOperationCount();
    assertThat(gets).isZero();
  }

  private SealedSessionStore store(int index) {
    return index % 2 == 0 ? storeA : storeB;
  }

  private static SealedSessionStore store(Vertx vertx, String keys) {
    return SealedSessionStore.create(vertx, keys(keys), hazelcast(vertx), mapName);
  }

  private static IMap<String, byte[]> map() {
    return hazelcast(cluster.get(0)).getMap(mapName);
  }

  private static HazelcastInstance hazelcast(Vertx vertx) {
    return ((HazelcastClusterManager) ((VertxInternal) vertx).clusterManager()).getHazelcastInstance();
  }

  private static Keyring keys(String spec) {
    return Keyring.parse("keys", spec);
  }

  private static String key(char fill) {
    return Base64.getEncoder().encodeToString(String.valueOf(fill).repeat(32).getBytes(StandardCharsets.US_ASCII));
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.await(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
