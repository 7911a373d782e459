package io.github.twitterlogin.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.internal.serialization.SerializationService;
import com.hazelcast.map.IMap;
import com.hazelcast.spi.impl.SerializationServiceSupport;
import io.github.twitterlogin.gateway.sstore.SealedSessionStore;
import io.github.twitterlogin.shared.crypto.Keyring;
import io.github.twitterlogin.shared.testing.ClusterMembers;
import io.github.twitterlogin.shared.testing.TestKeys;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Sessions in a real cluster (two Hazelcast members on 127.0.0.1, a gateway on each) under the
 * races a busy browser and an attacker make: each race is run for real, many times, and counted.
 */
class ClusteredSessionsTest {

  private static final String COOKIE = GatewayOptions.DEFAULT_COOKIE_NAME;
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
  private static final int SIGNED_IN_SESSION_BYTES = 700;

  private static ClusterMembers cluster;
  private static Vertx nodeA;
  private static FakeTwitterClient twitter;
  private static int gatewayA;
  private static int gatewayB;
  private static IMap<String, byte[]> sessions;
  private static SerializationService serialization;

  @BeforeAll
  static void startCluster() throws Exception {
    cluster = ClusterMembers.startOnLoopback("sessions-test", 2);
    nodeA = cluster.get(0);
    twitter = FakeTwitterClient.deploy(nodeA).await(30, java.util.concurrent.TimeUnit.SECONDS);
    gatewayA = deployGateway(nodeA);
    gatewayB = deployGateway(cluster.get(1));
    HazelcastInstance hazelcast = ((HazelcastClusterManager) ((VertxInternal) nodeA).clusterManager())
        .getHazelcastInstance();
    sessions = hazelcast.getMap(SealedSessionStore.DEFAULT_MAP_NAME);
    serialization = ((SerializationServiceSupport) hazelcast).getSerializationService();
  }

  @AfterAll
  static void stopCluster() throws Exception {
    cluster.close();
  }

  @Test
  void signOutHoldsWhileRequestsOfTheSessionAreInFlight() {
    int signedOut = 0;
    for (int trial = 0; trial < 50; trial++) {
      Browser browser = new Browser(nodeA);
      signIn(browser, gatewayA);
      String oldCookie = browser.cookie(COOKIE).orElseThrow();
      String csrf = csrfOf(browser.get(gatewayB, "/app"));

      List<Future<HttpResponse<Buffer>>> inFlight = List.of(
          browser.getLater(gatewayA, "/"), browser.getLater(gatewayB, "/app"), browser.getLater(gatewayA, "/auth"));
      HttpResponse<Buffer> logout = Browser.await(
          browser.postLater(trial % 2 == 0 ? gatewayA : gatewayB, "/logout", MultiMap.caseInsensitiveMultiMap()
              .add("csrf", csrf)));
      inFlight.forEach(request -> assertThat(Browser.await(request).statusCode()).isLessThan(500));

      assertThat(logout.statusCode()).isEqualTo(303);
      if (appWithCookie(gatewayA, oldCookie) == 401 && appWithCookie(gatewayB, oldCookie) == 401) {
        signedOut++;
      }
    }
    assertThat(signedOut).as("trials in which the old cookie was signed out").isEqualTo(50);
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 5, 10})
  void tabsStartingLoginsAtOnceOverTwoGatewaysAllComplete(int tabs) {
    Browser browser = new Browser(nodeA);
    List<String> tokens = new ArrayList<>(List.of(tokenOf(browser.get(gatewayA, "/auth"))));
    List<Future<HttpResponse<Buffer>>> starts = IntStream.range(0, tabs)
        .mapToObj(tab -> browser.getLater(tab % 2 == 0 ? gatewayA : gatewayB, "/auth"))
        .toList();
    for (Future<HttpResponse<Buffer>> start : starts) {
      HttpResponse<Buffer> started = Browser.await(start);
      assertThat(started.statusCode()).as(started.bodyAsString()).isEqualTo(302);
      tokens.add(tokenOf(started));
    }

    int completed = 0;
    for (int i = 0; i < tokens.size(); i++) {
      HttpResponse<Buffer> callback = browser.get(i % 2 == 0 ? gatewayB : gatewayA, callbackFor(tokens.get(i)));
      assertThat(callback.statusCode()).as(callback.bodyAsString()).isEqualTo(302);
      completed++;
    }
    assertThat(completed).isEqualTo(tabs + 1);
  }

  @Test
  void twoCallbacksOfOneSessionAtOnceBothSignInOrOneIsRefusedClearly() {
    int bothSignedIn = 0;
    for (int trial = 0; trial < 20; trial++) {
      Browser browser = new Browser(nodeA);
      String first = tokenOf(browser.get(gatewayA, "/auth"));
      String second = tokenOf(browser.get(gatewayB, "/auth"));

      List<HttpResponse<Buffer>> callbacks = List.of(
          browser.getLater(gatewayA, callbackFor(first)), browser.getLater(gatewayB, callbackFor(second)))
          .stream().map(Browser::await).toList();

      assertThat(callbacks).allSatisfy(callback -> assertThat(callback.statusCode())
          .as(callback.bodyAsString()).isIn(302, 400));
      assertThat(callbacks).anySatisfy(callback -> assertThat(callback.statusCode()).isEqualTo(302));
      callbacks.stream().filter(callback -> callback.statusCode() == 400)
          .forEach(refused -> assertThat(refused.bodyAsString()).contains("login_not_started_here"));
      bothSignedIn += callbacks.stream().allMatch(callback -> callback.statusCode() == 302) ? 1 : 0;
    }
    assertThat(bothSignedIn).as("trials in which both tabs signed in").isPositive();
  }

  @Test
  void theSameCallbackTwiceAtOnceSignsInOnce() {
    for (int trial = 0; trial < 20; trial++) {
      Browser browser = new Browser(nodeA);
      String token = tokenOf(browser.get(gatewayA, "/auth"));

      List<Integer> statuses = List.of(
          browser.getLater(gatewayA, callbackFor(token)), browser.getLater(gatewayB, callbackFor(token)))
          .stream().map(Browser::await).map(HttpResponse::statusCode).toList();

      assertThat(statuses).containsExactlyInAnyOrder(302, 400);
    }
  }

  @Test
  void requestsWithoutASessionStoreNothingAndSetNoCookie() {
    WebClient anonymous = WebClient.create(nodeA, Browser.options());
    int before = sessions.size();
    List<String> paths = List.of("/", "/app", "/health", "/assets/app.css");
    int withCookie = 0;
    for (int i = 0; i < 1000; i++) {
      HttpResponse<Buffer> answer = Browser.await(anonymous
          .get(i % 2 == 0 ? gatewayA : gatewayB, "127.0.0.1", paths.get(i % paths.size())).send());
      assertThat(answer.statusCode()).isLessThan(400);
      withCookie += answer.cookies().isEmpty() ? 0 : 1;
    }

    assertThat(sessions.size()).isEqualTo(before);
    assertThat(withCookie).as("answers that set a cookie").isZero();
  }

  @Test
  void theClusterHoldsNoSecretAndNoCookie() {
    List<String> cookies = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Browser browser = new Browser(nodeA);
      signIn(browser, i % 2 == 0 ? gatewayA : gatewayB);
      browser.get(gatewayB, "/auth");
      cookies.add(browser.cookie(COOKIE).orElseThrow());
    }

    List<String> secrets = twitter.secretsIssued();
    assertThat(secrets).isNotEmpty();
    for (Map.Entry<String, byte[]> entry : sessions.entrySet()) {
      String key = latin1(serialization.toData(entry.getKey()).toByteArray()) + entry.getKey();
      String value = latin1(serialization.toData(entry.getValue()).toByteArray());
      for (String secret : secrets) {
        assertThat(value).doesNotContain(secret)
            .doesNotContain(URLEncoder.encode(secret, StandardCharsets.UTF_8))
            .doesNotContain(Base64.getEncoder().withoutPadding().encodeToString(secret.getBytes(StandardCharsets.UTF_8)));
      }
      for (String cookie : cookies) {
        assertThat(key).doesNotContain(cookie);
        assertThat(value).doesNotContain(cookie);
      }
    }
  }

  @Test
  void aSignedInSessionTakesAtMost700BytesInTheCluster() {
    Browser browser = new Browser(nodeA);
    signIn(browser, gatewayA);
    String key = SealedSessionStore.mapKey(Keyring.parse("keys", TestKeys.SESSION_ENCRYPTION_KEYS),
        browser.cookie(COOKIE).orElseThrow());

    byte[] stored = sessions.get(key);

    assertThat(stored).isNotNull();
    assertThat(serialization.toData(stored).totalSize()).isLessThanOrEqualTo(SIGNED_IN_SESSION_BYTES);
  }

  private static int deployGateway(Vertx node) throws Exception {
    GatewayVerticle gateway = new GatewayVerticle();
    // Many logins from one address, on purpose: not throttled (AuthThrottleTest is about that).
    JsonObject config = new JsonObject().put("host", "127.0.0.1").put("port", 0)
        .put("sessionEncryptionKeys", TestKeys.SESSION_ENCRYPTION_KEYS).put("authRatePerMinute", 0);
    node.deployVerticle(gateway, new DeploymentOptions().setConfig(config)).await(30, java.util.concurrent.TimeUnit.SECONDS);
    return gateway.actualPort();
  }

  private static void signIn(Browser browser, int gateway) {
    String token = tokenOf(browser.get(gateway, "/auth"));
    HttpResponse<Buffer> callback = browser.get(gateway == gatewayA ? gatewayB : gatewayA, callbackFor(token));
    assertThat(callback.statusCode()).as(callback.bodyAsString()).isEqualTo(302);
  }

  private static String callbackFor(String token) {
    return "/callback?oauth_token=" + token + "&oauth_verifier=" + twitter.verifierFor(token);
  }

  private static String tokenOf(HttpResponse<Buffer> auth) {
    assertThat(auth.statusCode()).as(auth.bodyAsString()).isEqualTo(302);
    return auth.getHeader("Location").replaceAll(".*oauth_token=([^&]*).*", "$1");
  }

  private static String csrfOf(HttpResponse<Buffer> page) {
    Matcher csrf = CSRF.matcher(page.bodyAsString());
    assertThat(csrf.find()).as("the page's sign-out form").isTrue();
    return csrf.group(1);
  }

  /** What a stolen copy of the cookie gets: the old cookie alone, on a client of its own. */
  private static int appWithCookie(int gateway, String cookie) {
    WebClient thief = WebClient.create(nodeA, Browser.options());
    try {
      return Browser.await(thief.get(gateway, "127.0.0.1", "/app")
          .putHeader("Cookie", COOKIE + "=" + cookie)
          .putHeader("Accept", "application/json")
          .send()).statusCode();
    } finally {
      thief.close();
    }
  }

  private static String latin1(byte[] bytes) {
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }
}
