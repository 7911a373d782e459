package io.github.twitterlogin.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.twitterlogin.gateway.sstore.SealedSessionStore;
import io.github.twitterlogin.shared.TwitterAddresses;
import io.github.twitterlogin.shared.TwitterUser;
import io.github.twitterlogin.shared.crypto.Keyring;
import io.github.twitterlogin.shared.testing.ClusterMembers;
import io.github.twitterlogin.shared.testing.TestKeys;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.handler.AuthorizationHandler;
import io.vertx.ext.web.handler.SessionHandler;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A vertx-web app of someone else's, with routes and error handling of its own, mounts the
 * handler under a prefix of its choosing and protects its routes, on two members of one cluster.
 */
class HostAppTest {

  private static final String PREFIX = "/login/twitter";

  private static ClusterMembers cluster;
  private static FakeTwitterClient twitter;
  private static int appA;
  private static int appB;

  @BeforeAll
  static void startApps() throws Exception {
    cluster = ClusterMembers.startOnLoopback("host-app-test", 2);
    twitter = FakeTwitterClient.deploy(cluster.get(0)).await(30, TimeUnit.SECONDS);
    // Behind one load balancer both apps have the same public URL: here, app A's.
    AtomicReference<Router> routerA = new AtomicReference<>();
    appA = cluster.get(0).createHttpServer().requestHandler(request -> routerA.get().handle(request))
        .listen(0, "127.0.0.1").await(30, TimeUnit.SECONDS).actualPort();
    routerA.set(hostApp(cluster.get(0), "http://127.0.0.1:" + appA));
    appB = cluster.get(1).createHttpServer().requestHandler(hostApp(cluster.get(1), "http://127.0.0.1:" + appA))
        .listen(0, "127.0.0.1").await(30, TimeUnit.SECONDS).actualPort();
  }

  @AfterAll
  static void stopApps() throws Exception {
    cluster.close();
  }

  /** What a host app writes: its own session handler and routes, the handler where it wants it. */
  private static Router hostApp(Vertx vertx, String publicUrl) {
    Router router = Router.router(vertx);
    SessionHandler sessions = SessionHandler.create(
        SealedSessionStore.create(vertx, Keyring.parse("keys", TestKeys.SESSION_ENCRYPTION_KEYS))).setLazySession(true);
    router.route().handler(sessions);
    TwitterAuthHandler twitterAuth = TwitterAuthHandler.create(vertx, sessions, new TwitterAuthOptions()
        .setCallbackUrl(publicUrl + PREFIX + "/callback")
        .setInvalidateTokenOnLogout(true)
        .setAllowedUsers(List.of("ada", "1002")));
    twitterAuth.setupCallback(router.get(PREFIX + "/callback"));
    twitterAuth.setupLogin(router.get(PREFIX + "/start"));
    router.get("/").handler(ctx -> ctx.end("public page"));
    router.route("/private/*").handler(twitterAuth);
    router.get("/private/profile").handler(ctx -> ctx.json(ctx.user().principal()));
    router.get("/private/attributes").handler(ctx -> ctx.json(ctx.user().attributes()));
    router.route("/members/*").handler(twitterAuth).handler(AuthorizationHandler.create(TwitterAllowList.SIGN_IN)
        .addAuthorizationProvider(TwitterAllowList.create(List.of("grace"))));
    router.get("/members/lounge").handler(ctx -> ctx.end("lounge"));
    router.post("/logout").handler(ctx -> ctx.userContext().logout());
    twitterAuth.setupLogout(router.post("/signout"), "/");
    return router;
  }

  @Test
  void aBrowserGoesThroughTwitterAndBackToThePageItAskedForOnEitherMember() {
    Browser browser = new Browser(cluster.get(0));

    HttpResponse<Buffer> toTwitter = browser.get(appA, "/private/profile?tab=1");
    assertThat(toTwitter.statusCode()).isEqualTo(302);
    String token = tokenOf(toTwitter);
    HttpResponse<Buffer> back = browser.get(appB, PREFIX + "/callback?oauth_token=" + token
        + "&oauth_verifier=" + twitter.verifierFor(token));

    assertThat(back.statusCode()).as(back.bodyAsString()).isEqualTo(302);
    assertThat(back.getHeader("Location")).isEqualTo("/private/profile?tab=1");
    assertThat(browser.get(appA, "/private/profile").bodyAsJsonObject())
        .isEqualTo(new JsonObject().put("id", "1001").put("screenName", "ada").put("name", "Ada Lovelace")
            .put("profileImageUrl", "https://avatars.example/ada.png"));
    assertThat(browser.get(appB, "/private/profile").statusCode()).isEqualTo(200);
  }

  @Test
  void theUserCarriesNoTokenInItsPrincipalOrAttributes() {
    Browser browser = new Browser(cluster.get(0));
    signIn(browser);

    String principal = browser.get(appB, "/private/profile").bodyAsString();
    String attributes = browser.get(appB, "/private/attributes").bodyAsString();

    for (String secret : twitter.secretsIssued()) {
      assertThat(principal).doesNotContain(secret);
      assertThat(attributes).doesNotContain(secret);
    }
    assertThat(principal + attributes).doesNotContain("access-token-", "tokenSecret");
    assertThat(new JsonObject(attributes).getLong("signedInAt")).isPositive();
  }

  @Test
  void aScriptThatIsNotSignedInGets401InsteadOfARedirect() {
    Browser browser = new Browser(cluster.get(0));
    int asked = twitter.received(TwitterAddresses.REQUEST_TOKEN).size();

    HttpResponse<Buffer> json = browser.getJson(appA, "/private/profile");
    HttpResponse<Buffer> xhr = browser.getWithHeader(appB, "/private/profile", "X-Requested-With", "XMLHttpRequest");

    assertThat(json.statusCode()).isEqualTo(401);
    assertThat(json.bodyAsJsonObject().getString("error")).isEqualTo("not_signed_in");
    assertThat(xhr.statusCode()).isEqualTo(401);
    assertThat(twitter.received(TwitterAddresses.REQUEST_TOKEN)).hasSize(asked);
  }

  @Test
  void aReturnPathOffThisSiteEndsOnTheDefaultPage() {
    Browser browser = new Browser(cluster.get(0));

    String token = tokenOf(browser.get(appA, PREFIX + "/start?return_to=//evil.example/x"));
    HttpResponse<Buffer> back = browser.get(appA, PREFIX + "/callback?oauth_token=" + token
        + "&oauth_verifier=" + twitter.verifierFor(token));

    assertThat(back.getHeader("Location")).isEqualTo("/");
  }

  @Test
  void logoutThroughTheUserContextSignsOutOnEveryMemberAndRevokesTheToken() throws Exception {
    Browser browser = new Browser(cluster.get(0));
    signIn(browser);
    int revoked = twitter.received(TwitterAddresses.SIGN_OUT).size();

    HttpResponse<Buffer> logout = browser.post(appB, "/logout", MultiMap.caseInsensitiveMultiMap());
    // vertx-web answers first and removes the session after; the token is revoked once it is removed.
    twitter.receivedAtLeast(TwitterAddresses.SIGN_OUT, revoked + 1).await(20, TimeUnit.SECONDS);

    assertThat(logout.statusCode()).isEqualTo(302);
    assertThat(twitter.received(TwitterAddresses.SIGN_OUT).get(revoked).getBoolean("revoke")).isTrue();
    assertThat(browser.getJson(appA, "/private/profile").statusCode()).isEqualTo(401);
    assertThat(browser.getJson(appB, "/private/profile").statusCode()).isEqualTo(401);
  }

  @Test
  void theSignOutRouteSignsOutEverywhereAndRevokesBeforeItAnswers() {
    Browser browser = new Browser(cluster.get(0));
    signIn(browser);
    int revoked = twitter.received(TwitterAddresses.SIGN_OUT).size();

    HttpResponse<Buffer> signOut = browser.postWithOrigin(appB, "/signout", "http://127.0.0.1:" + appA);

    assertThat(signOut.statusCode()).isEqualTo(303);
    assertThat(signOut.getHeader("Location")).isEqualTo("/");
    assertThat(twitter.received(TwitterAddresses.SIGN_OUT)).hasSize(revoked + 1);
    assertThat(twitter.received(TwitterAddresses.SIGN_OUT).get(revoked).getBoolean("revoke")).isTrue();
    assertThat(browser.getJson(appA, "/private/profile").statusCode()).isEqualTo(401);
    assertThat(browser.getJson(appB, "/private/profile").statusCode()).isEqualTo(401);
  }

  @Test
  void aSignOutPostedFromAnotherSiteIsRefused() {
    Browser browser = new Browser(cluster.get(0));
    signIn(browser);

    HttpResponse<Buffer> forged = browser.postWithOrigin(appA, "/signout", "https://evil.example");
    HttpResponse<Buffer> unsaid = browser.post(appA, "/signout", MultiMap.caseInsensitiveMultiMap());

    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(unsaid.statusCode()).as("neither Origin nor Referer").isEqualTo(403);
    assertThat(browser.getJson(appB, "/private/profile").statusCode()).isEqualTo(200);
  }

  @Test
  void aUserTheAllowListRefusesGetsAClearPageAndIsNotSignedIn() {
    twitter.signInAs(new TwitterUser("666", "mallory", "Mallory", null, null));
    try {
      Browser browser = new Browser(cluster.get(0));
      String token = tokenOf(browser.get(appA, "/private/profile"));

      HttpResponse<Buffer> refused = browser.get(appA, PREFIX + "/callback?oauth_token=" + token
          + "&oauth_verifier=" + twitter.verifierFor(token));

      assertThat(refused.statusCode()).isEqualTo(403);
      assertThat(refused.bodyAsString()).contains("not_allowed", "may not use this site");
      assertThat(browser.getJson(appA, "/private/profile").statusCode()).isEqualTo(401);
    } finally {
      twitter.signInAs(FakeTwitterClient.ADA);
    }
  }

  @Test
  void anAuthorizationHandlerWithTheAllowListGuardsItsRoutes() {
    Browser browser = new Browser(cluster.get(0));
    signIn(browser);

    HttpResponse<Buffer> lounge = browser.get(appA, "/members/lounge");

    assertThat(lounge.statusCode()).as("ada is not on the lounge's list").isEqualTo(403);
  }

  @Test
  void theHostsOwnErrorsStayTheHosts() {
    HttpResponse<Buffer> missing = new Browser(cluster.get(0)).get(appA, "/no-such-page");

    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.bodyAsString()).doesNotContain("Twitter");
  }

  @Test
  void aPublicPageGivesNoSession() {
    HttpResponse<Buffer> page = new Browser(cluster.get(0)).get(appA, "/");

    assertThat(page.bodyAsString()).isEqualTo("public page");
    assertThat(page.cookies()).isEmpty();
  }

  private static void signIn(Browser browser) {
    String token = tokenOf(browser.get(appA, "/private/profile"));
    HttpResponse<Buffer> back = browser.get(appB, PREFIX + "/callback?oauth_token=" + token
        + "&oauth_verifier=" + twitter.verifierFor(token));
    assertThat(back.statusCode()).as(back.bodyAsString()).isEqualTo(302);
  }

  private static String tokenOf(HttpResponse<Buffer> redirect) {
    assertThat(redirect.statusCode()).as(redirect.bodyAsString()).isEqualTo(302);
    return redirect.getHeader("Location").replaceAll(".*oauth_token=([^&]*).*", "$1");
  }
}
