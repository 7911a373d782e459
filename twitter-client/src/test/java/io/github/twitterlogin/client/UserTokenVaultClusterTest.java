package io.github.twitterlogin.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.github.twitterlogin.shared.ProfileSource;
import io.github.twitterlogin.shared.RequestToken;
import io.github.twitterlogin.shared.SignIn;
import io.github.twitterlogin.shared.SignInRequest;
import io.github.twitterlogin.shared.SignOutRequest;
import io.github.twitterlogin.shared.SignedOut;
import io.github.twitterlogin.shared.TwitterClient;
import io.github.twitterlogin.shared.TwitterFailure;
import io.github.twitterlogin.shared.TwitterFailureException;
import io.github.twitterlogin.shared.testing.ClusterMembers;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The vault in a real cluster: two Hazelcast members on loopback, a Twitter client on each, the
 * facade on either. A token kept through one client signs the calls of the other; concurrent
 * sign-ins and sign-outs of one user through both keep count; the map's bytes hold nothing in clear.
 */
class UserTokenVaultClusterTest {

  private static final String USER_ID = FakeTwitter.USER_ID;
  private static final int SIGN_INS = 16;

  private static ClusterMembers cluster;
  private static ClientFixture fixture;
  private static TwitterClient viaA;
  private static TwitterClient viaB;

  @BeforeAll
  static void startCluster() throws Exception {
    cluster = ClusterMembers.startOnLoopback("vault-test", 2);
    fixture = ClientFixture.start(cluster.get(0)).await(30, TimeUnit.SECONDS);
    ClientFixture.deploy(cluster.get(1), ClientFixture.configFor(fixture.twitter)).await(30, TimeUnit.SECONDS);
    viaA = fixture.client;
    viaB = TwitterClient.create(cluster.get(1));
  }

  @AfterAll
  static void stopCluster() throws Exception {
    cluster.close();
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.await(30, TimeUnit.SECONDS);
  }

  private static Future<SignIn> signIn(TwitterClient client) {
    return client.requestToken("https://app.example/callback").compose((RequestToken token) -> client.signIn(
        new SignInRequest(token.credentials(), fixture.twitter.verifierFor(token.token()), ProfileSource.V2, false, true)));
  }

  private static IMap<Object, Object> vaultOn(int member) {
    HazelcastInstance hazelcast = ((HazelcastClusterManager) ((VertxInternal) cluster.get(member)).clusterManager())
        .getHazelcastInstance();
    return hazelcast.getMap(UserTokenVault.MAP_NAME);
  }

  private static TwitterFailure failureOf(Future<?> future) {
    Throwable[] thrown = new Throwable[1];
    assertThatThrownBy(() -> await(future)).satisfies(failure -> thrown[0] = failure);
    return ((TwitterFailureException) thrown[0]).failure();
  }

  @Test
  void concurrentSignInsAndSignOutsThroughBothClientsLoseNone() throws Exception {
    for (int round = 0; round < 3; round++) {
      List<Future<SignIn>> signingIn = IntStream.range(0, SIGN_INS)
          .mapToObj(i -> signIn(i % 2 == 0 ? viaA : viaB)).toList();
      List<SignIn> signIns = new ArrayList<>();
      for (Future<SignIn> signingInNow : signingIn) {
        signIns.add(await(signingInNow));
      }
      assertThat(signIns).extracting(SignIn::signInId).doesNotHaveDuplicates();

      List<Future<Void>> signingOut = signIns.subList(1, SIGN_INS).stream()
          .map(signIn -> (signIns.indexOf(signIn) % 2 == 0 ? viaA : viaB).signOut(
              new SignOutRequest(USER_ID, signIn.signInId(), SignedOut.Reason.EXPIRED, false)))
          .toList();
      await(Future.all(signingOut));

      assertThat(await(viaB.asUser(USER_ID).usersMe()).id())
          .as("round %d: one sign-in is left, so her token is kept", round).isEqualTo(USER_ID);
      await(viaA.signOut(new SignOutRequest(USER_ID, signIns.get(0).signInId(), SignedOut.Reason.LOGOUT, false)));
      assertThat(failureOf(viaB.asUser(USER_ID).usersMe()))
          .as("round %d: her last sign-in ended", round).isEqualTo(TwitterFailure.NOT_SIGNED_IN);
      assertThat(vaultOn(0).size()).isZero();
    }
  }

  @Test
  void tokenKeptThroughOneClientSignsTheCallsOfTheOtherAndIsSealedInTheMap() throws Exception {
    SignIn signedIn = await(signIn(viaA));
    String token = fixture.twitter.received().stream()
        .filter(request -> request.path().equals("/2/users/me"))
        .reduce((first, second) -> second).orElseThrow().oauth().get("oauth_token");
    String secret = fixture.twitter.secretOfAccessToken(token);

    // Each client is asked in turn; two calls reach both.
    await(viaB.asUser(USER_ID).get("1.1/statuses/home_timeline.json", Map.of()));
    await(viaB.asUser(USER_ID).get("1.1/statuses/home_timeline.json", Map.of()));

    assertThat(fixture.twitter.received().subList(fixture.twitter.received().size() - 2, fixture.twitter.received().size()))
        .allSatisfy(request -> assertThat(request.oauth()).containsEntry("oauth_token", token));
    for (int member = 0; member < 2; member++) {
      Map<Object, Object> entries = Map.copyOf(vaultOn(member));
      assertThat(entries).hasSize(1);
      entries.forEach((key, value) -> {
        assertThat(key).isInstanceOf(String.class);
        assertThat((String) key).doesNotContain(USER_ID);
        assertThat(value).isInstanceOf(byte[].class);
        String bytes = new String((byte[]) value, StandardCharsets.ISO_8859_1);
        assertThat(bytes).doesNotContain(token).doesNotContain(secret).doesNotContain(USER_ID)
            .doesNotContain(signedIn.signInId()).doesNotContain(FakeTwitter.SCREEN_NAME);
      });
    }
    await(viaB.signOut(new SignOutRequest(USER_ID, signedIn.signInId(), SignedOut.Reason.LOGOUT, false)));
  }
}
