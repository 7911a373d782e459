package io.github.twitterlogin.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.twitterlogin.service.browser.HeadlessChromium;
import io.github.twitterlogin.service.browser.SandboxAccount;
import io.github.twitterlogin.service.browser.SignInJourney;
import io.github.twitterlogin.service.process.Browsers;
import io.github.twitterlogin.service.process.BuildOutputs;
import io.github.twitterlogin.service.process.LaunchedProcesses;
import io.github.twitterlogin.service.process.LoopbackCluster;
import io.github.twitterlogin.service.process.ServiceProcess;
import io.github.twitterlogin.service.process.TestApp;
import io.github.twitterlogin.service.process.TestJvmMember;
import io.github.twitterlogin.service.process.WitnessedSandbox;
import io.github.twitterlogin.service.testing.SandboxWitness;
import io.github.twitterlogin.service.testing.SandboxWitness.SignedRequest;
import io.github.twitterlogin.service.testing.SecretLedger;
import io.github.twitterlogin.shared.TokenCredentials;
import io.github.twitterlogin.shared.TwitterAddresses;
import io.github.twitterlogin.shared.TwitterFailure;
import io.github.twitterlogin.shared.TwitterFailureException;
import io.github.twitterlogin.shared.testing.TestKeys;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The example in a process of its own, from its jar, in a cluster with a gateway process and a
 * Twitter client process; the sandbox runs in a process of its own. A real browser signs @ada in
 * through the gateway; the example hears it, calls Twitter as her by id, and the request arrives
 * signed with the token the sandbox issued her. After she signs out the example hears that too,
 * and its next call for her fails NOT_SIGNED_IN. This JVM joins as one more member: it hears the
 * events and reads the example's reports, and nothing it receives holds a secret.
 */
class UserReportsIT {

  private static final Duration DEADLINE = Duration.ofSeconds(60);
  private static final String ADA = SandboxAccount.ADA.id();

  @RegisterExtension
  static final LaunchedProcesses processes = new LaunchedProcesses();

  private static final Browsers browsers = new Browsers();
  private static final List<JsonObject> events = new CopyOnWriteArrayList<>();
  private static final List<String> receivedHere = new CopyOnWriteArrayList<>();

  private static LoopbackCluster cluster;
  private static TestJvmMember member;
  private static SandboxWitness witness;
  private static String gatewayUrl;

  @BeforeAll
  static void startCluster() throws Exception {
    TestApp app = TestApp.create();
    WitnessedSandbox sandbox = WitnessedSandbox.start(processes, app);
    cluster = LoopbackCluster.start("user-reports");
    member = cluster.testJvm();
    member.vertx().eventBus().addInboundInterceptor(delivery -> {
      receivedHere.add(String.valueOf(delivery.message().body()));
      delivery.next();
    });
    member.vertx().eventBus().<JsonObject>consumer(TwitterAddresses.SIGNED_IN, event -> events.add(event.body()))
        .completion().await(30, TimeUnit.SECONDS);
    member.vertx().eventBus().<JsonObject>consumer(TwitterAddresses.SIGNED_OUT, event -> events.add(event.body()))
        .completion().await(30, TimeUnit.SECONDS);
    ServiceProcess example = processes.start("user-reports-example", BuildOutputs.existing("example.jar"),
        UserReportsMain.READY, cluster.member());
    witness = sandbox.awaitWitness(browsers.vertx());
    ServiceProcess client = processes.startService("twitter-client",
        cluster.member().roles("twitter-client").twitterApi(witness.url(), app));
    // HTTP_PORT=0 without PUBLIC_URL: the callback names the port the gateway takes.
    ServiceProcess gateway = processes.startService("gateway", cluster.member().roles("gateway")
        .with("SESSION_ENCRYPTION_KEYS", TestKeys.SESSION_ENCRYPTION_KEYS)
        .with("HTTP_HOST", "127.0.0.1")
        .with("HTTP_PORT", "0")
        .with("GATEWAY_INSTANCES", "1"));
    ServiceProcess.awaitAllReady(client, example, gateway);
    gatewayUrl = "http://127.0.0.1:" + gateway.httpPort();
    // This JVM, the example, the Twitter client and the gateway.
    member.awaitMemberCount(4, DEADLINE);
  }

  @AfterAll
  static void leave() throws Exception {
    browsers.close();
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void theExampleCallsAsTheSignedInUserUntilSheSignsOut() throws Exception {
    try (HeadlessChromium browser = HeadlessChromium.start()) {
      SignInJourney journey = new SignInJourney(browser);
      journey.openConsentPage(gatewayUrl);
      journey.authorizeAs(SandboxAccount.ADA);
      browser.expectText(SignInJourney.SCREEN_NAME, "@" + SandboxAccount.ADA.screenName());
      TokenCredentials adasToken = lastAccessToken();

      awaitEvent(event -> ADA.equals(event.getString("userId")) && event.getString("reason") == null);
      JsonObject report = awaitReport(heard -> heard.getInteger("lookups") >= 1);

      assertThat(report.getString("screenName")).isEqualTo(SandboxAccount.ADA.screenName());
      assertThat(report.getString("name")).isEqualTo(SandboxAccount.ADA.name());
      assertThat(report.getBoolean("signedIn")).isTrue();
      assertThat(report.getJsonObject("lastLookup").getString("outcome")).isEqualTo("ok");
      List<SignedRequest> usersMe = witness.signedRequests().stream()
          .filter(request -> request.path().equals("/2/users/me")).toList();
      assertThat(usersMe.get(usersMe.size() - 1).token())
          .as("the example's call arrives signed with the token the sandbox issued her")
          .isEqualTo(adasToken.token());

      browser.click(SignInJourney.SIGN_OUT);
      browser.expect(SignInJourney.SIGN_IN);
    }
    awaitEvent(event -> ADA.equals(event.getString("userId")) && "logout".equals(event.getString("reason")));
    awaitReport(report -> Boolean.FALSE.equals(report.getBoolean("signedIn")));

    assertThatThrownBy(() -> member.vertx().eventBus()
            .request(UserReportsVerticle.REFRESH_ADDRESS, new JsonObject().put("userId", ADA))
            .await(30, TimeUnit.SECONDS))
        .isInstanceOfSatisfying(ReplyException.class, reply ->
            assertThat(TwitterFailureException.fromReply(reply).failure()).isEqualTo(TwitterFailure.NOT_SIGNED_IN));
    JsonObject afterwards = report();
    assertThat(afterwards.getString("signedOutReason")).isEqualTo("logout");
    assertThat(afterwards.getJsonObject("lastLookup").getString("outcome")).isEqualTo("NOT_SIGNED_IN");
    assertThat(witness.refusals()).isEmpty();

    assertThat(SecretLedger.count("access-token secret")).isPositive();
    assertThat(receivedHere).as("events and replies reached this member").isNotEmpty();
    for (SecretLedger.Secret secret : SecretLedger.all()) {
      assertThat(holding(receivedHere, secret.value()))
          .as("no event or reply to this member holds a %s", secret).isZero();
    }
    for (TokenCredentials issued : witness.accessTokensIssued()) {
      assertThat(holding(receivedHere, issued.token())).as("nor an access token").isZero();
    }
  }

  private static TokenCredentials lastAccessToken() {
    List<TokenCredentials> issued = witness.accessTokensIssued();
    assertThat(issued).as("the sandbox issued her an access token").isNotEmpty();
    return issued.get(issued.size() - 1);
  }

  private static JsonObject report() throws Exception {
    return member.vertx().eventBus()
        .<JsonObject>request(UserReportsVerticle.REPORT_ADDRESS, new JsonObject().put("userId", ADA))
        .await(30, TimeUnit.SECONDS).body();
  }

  private static JsonObject awaitReport(Predicate<JsonObject> ready) throws Exception {
    Instant deadline = Instant.now().plus(DEADLINE);
    while (true) {
      try {
        JsonObject report = report();
        if (ready.test(report)) {
          return report;
        }
      } catch (ReplyException notYet) {
        // The example has not heard of her yet.
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("The example's report did not come within " + DEADLINE);
      }
      member.vertx().timer(50).await(5, TimeUnit.SECONDS);
    }
  }

  private static void awaitEvent(Predicate<JsonObject> wanted) throws Exception {
    Instant deadline = Instant.now().plus(DEADLINE);
    while (events.stream().noneMatch(wanted)) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("No such event within " + DEADLINE + ": " + events);
      }
      member.vertx().timer(50).await(5, TimeUnit.SECONDS);
    }
  }

  /** How many of {@code texts} hold {@code value}: counted, so that a failure never prints a secret. */
  private static long holding(List<String> texts, String value) {
    return texts.stream().filter(text -> text.contains(value)).count();
  }
}
