package io.github.twitterlogin.service.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.github.twitterlogin.sandbox.SandboxConsumer;
import io.github.twitterlogin.service.testing.LoopbackDeployments;
import io.github.twitterlogin.service.testing.SandboxWitness;
import io.github.twitterlogin.service.testing.SandboxWitness.SignedRequest;
import io.github.twitterlogin.service.testing.SecretLedger;
import io.github.twitterlogin.service.testing.SecretsStayOutOfLogs;
import io.github.twitterlogin.shared.ApiResponse;
import io.github.twitterlogin.shared.TokenCredentials;
import io.github.twitterlogin.shared.TwitterAddresses;
import io.github.twitterlogin.shared.TwitterClient;
import io.github.twitterlogin.shared.TwitterFailure;
import io.github.twitterlogin.shared.TwitterFailureException;
import io.github.twitterlogin.shared.TwitterUser;
import io.github.twitterlogin.shared.cluster.ClusterSettings;
import io.github.twitterlogin.shared.testing.ClusterMembers;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.json.JsonObject;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Calls as a signed-in user by id, through the real parts: the sandbox, the witness and the
 * Twitter client on member A; the gateway and "a verticle of your own" on member B, which names
 * users and never holds their keys. Every message member B receives (events and replies) is
 * recorded and searched for every secret the sandbox issued; so are the raw bytes of the session
 * and user-token maps on both members.
 */
@ExtendWith(SecretsStayOutOfLogs.class)
class UserCallsThroughSandboxTest {

  private static final String ADA = "1000000001";
  private static final String GRACE = "1000000003";
  private static final Duration DEADLINE = Duration.ofSeconds(30);

  private static ClusterMembers cluster;
  private static Vertx nodeA;
  private static Vertx nodeB;
  private static SandboxWitness witness;
  private static String gateway;
  private static TwitterClient yourVerticle;
  private static final List<JsonObject> signedIn = new CopyOnWriteArrayList<>();
  private static final List<JsonObject> signedOut = new CopyOnWriteArrayList<>();
  private static final List<String> receivedOnB = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void startCluster() throws Exception {
    cluster = ClusterMembers.startOnLoopback("user-calls-test", 2);
    nodeA = cluster.get(0);
    nodeB = cluster.get(1);
    String sandbox = LoopbackDeployments.sandbox(nodeA, SandboxConsumer.DEFAULT_CALLBACK_PREFIXES);
    witness = LoopbackDeployments.witness(nodeA, sandbox);
    LoopbackDeployments.twitterClient(nodeA, witness.url());
    gateway = LoopbackDeployments.gateway(nodeB);
    nodeB.eventBus().addInboundInterceptor(delivery -> {
      Object body = delivery.message().body();
      receivedOnB.add(String.valueOf(body));
      delivery.next();
    });
    nodeB.eventBus().<JsonObject>consumer(TwitterAddresses.SIGNED_IN, event -> signedIn.add(event.body()))
        .completion().await(30, TimeUnit.SECONDS);
    nodeB.eventBus().<JsonObject>consumer(TwitterAddresses.SIGNED_OUT, event -> signedOut.add(event.body()))
        .completion().await(30, TimeUnit.SECONDS);
    yourVerticle = TwitterClient.create(nodeB);
  }

  @AfterAll
  static void stopCluster() throws Exception {
    cluster.close();
  }

  private static <T> T await(io.vertx.core.Future<T> future) throws Exception {
    return future.await(DEADLINE.toSeconds(), TimeUnit.SECONDS);
  }

  private static void awaitEvents(List<JsonObject> events, String userId, int count) throws Exception {
    Instant deadline = Instant.now().plus(DEADLINE);
    while (events.stream().filter(event -> userId.equals(event.getString("userId"))).count() < count) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("Expected " + count + " events of " + userId + " within " + DEADLINE + ": " + events);
      }
      nodeB.timer(20).await(5, TimeUnit.SECONDS);
    }
  }

  private static TwitterFailureException failureOf(io.vertx.core.Future<?> call) {
    List<Throwable> thrown = new ArrayList<>();
    assertThatThrownBy(() -> await(call)).satisfies(thrown::add);
    assertThat(thrown.get(0)).isInstanceOf(TwitterFailureException.class);
    return (TwitterFailureException) thrown.get(0);
  }

  /** The latest access token the sandbox issued: the one of the latest sign-in. */
  private static TokenCredentials lastAccessToken() {
    List<TokenCredentials> issued = witness.accessTokensIssued();
    return issued.get(issued.size() - 1);
  }

  @Test
  void aVerticleOfYourOwnHearsTheSignInAndCallsAsHerUntilSheSignsOut() throws Exception {
    SignInBrowser browser = new SignInBrowser(nodeB);

    assertThat(browser.signIn(gateway, ADA).statusCode()).isEqualTo(302);
    TokenCredentials adasToken = lastAccessToken();
    awaitEvents(signedIn, ADA, 1);
    JsonObject event = signedIn.stream().filter(heard -> ADA.equals(heard.getString("userId"))).findFirst().orElseThrow();
    assertThat(event.fieldNames()).containsExactlyInAnyOrder("userId", "screenName", "name", "profileImageUrl", "at");
    assertThat(event.getString("screenName")).isEqualTo("ada");

    TwitterUser me = await(yourVerticle.asUser(ADA).usersMe());
    ApiResponse raw = await(yourVerticle.asUser(ADA).get("1.1/account/verify_credentials.json",
        Map.of("skip_status", List.of("true"))));

    assertThat(me.screenName()).isEqualTo("ada");
    assertThat(raw.status()).isEqualTo(200);
    assertThat(new JsonObject(raw.body()).getString("screen_name")).isEqualTo("ada");
    List<SignedRequest> requests = witness.signedRequests();
    assertThat(requests.subList(requests.size() - 2, requests.size()))
        .extracting(SignedRequest::path)
        .containsExactly("/2/users/me", "/1.1/account/verify_credentials.json");
    assertThat(requests.subList(requests.size() - 2, requests.size()))
        .as("signed with the token the sandbox issued at her sign-in")
        .allSatisfy(request -> assertThat(request.token()).isEqualTo(adasToken.token()));

    assertThat(browser.signOut(gateway).statusCode()).isEqualTo(303);
    awaitEvents(signedOut, ADA, 1);

    assertThat(signedOut).filteredOn(heard -> ADA.equals(heard.getString("userId")))
        .singleElement().satisfies(heard -> assertThat(heard.getString("reason")).isEqualTo("logout"));
    assertThat(failureOf(yourVerticle.asUser(ADA).usersMe()).failure()).isEqualTo(TwitterFailure.NOT_SIGNED_IN);
    assertThat(witness.refusals()).isEmpty();
  }

  @Test
  void neitherMapNorAnyMessageToAVerticleOfYourOwnHoldsASecret() throws Exception {
    SignInBrowser browser = new SignInBrowser(nodeB);
    assertThat(browser.signIn(gateway, GRACE).statusCode()).isEqualTo(302);
    awaitEvents(signedIn, GRACE, 1);
    await(yourVerticle.asUser(GRACE).usersMe());
    await(yourVerticle.asUser(GRACE).verifyCredentials(false));
    TokenCredentials gracesToken = lastAccessToken();

    List<String> mapBytes = new ArrayList<>();
    for (int member = 0; member < 2; member++) {
      mapBytes.addAll(rawEntries(cluster.get(member), ClusterSettings.SESSION_MAP_NAME));
      mapBytes.addAll(rawEntries(cluster.get(member), ClusterSettings.USER_TOKEN_MAP_NAME));
    }
    assertThat(rawEntries(nodeA, ClusterSettings.USER_TOKEN_MAP_NAME)).as("her token is kept").isNotEmpty();
    assertThat(SecretLedger.count("access-token secret")).isPositive();
    for (SecretLedger.Secret secret : SecretLedger.all()) {
      assertThat(holding(mapBytes, secret.value())).as("the maps' bytes hold no %s", secret).isZero();
    }
    assertThat(holding(mapBytes, gracesToken.token())).as("nor her access token").isZero();
    // The gateway holds a request token's secret for the minutes of a login, sealed in its session:
    // it gets it from the Twitter client. No other secret reaches member B.
    for (SecretLedger.Secret secret : SecretLedger.all()) {
      if (!secret.label().startsWith("request-token secret")) {
        assertThat(holding(receivedOnB, secret.value()))
            .as("messages received on member B hold no %s", secret).isZero();
      }
    }
    assertThat(holding(receivedOnB, gracesToken.token())).as("nor her access token").isZero();
    assertThat(browser.signOut(gateway).statusCode()).isEqualTo(303);
  }

  /** Each entry's key and value as the member stores them (keys are text, values sealed bytes). */
  private static List<String> rawEntries(Vertx member, String mapName) {
    HazelcastInstance hazelcast = ((HazelcastClusterManager) ((VertxInternal) member).clusterManager())
        .getHazelcastInstance();
    IMap<Object, Object> map = hazelcast.getMap(mapName);
    List<String> entries = new ArrayList<>();
    for (Object key : map.localKeySet()) {
      Object value = map.get(key);
      entries.add(key + "=" + (value instanceof byte[] bytes ? new String(bytes, StandardCharsets.ISO_8859_1) : value));
    }
    return entries;
  }

  /** How many of {@code texts} hold {@code value}: counted, so that a failure never prints a secret. */
  private static long holding(List<String> texts, String value) {
    return texts.stream().filter(text -> text.contains(value)).count();
  }
}
