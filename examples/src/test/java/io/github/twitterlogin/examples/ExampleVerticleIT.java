package io.github.twitterlogin.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.twitterlogin.service.process.Browsers;
import io.github.twitterlogin.service.process.BuildOutputs;
import io.github.twitterlogin.service.process.LaunchedProcesses;
import io.github.twitterlogin.service.process.LoopbackCluster;
import io.github.twitterlogin.service.process.ServiceEnvironment;
import io.github.twitterlogin.service.process.ServiceProcess;
import io.github.twitterlogin.service.process.SignIn;
import io.github.twitterlogin.service.process.TestApp;
import io.github.twitterlogin.service.process.TestJvmMember;
import io.github.twitterlogin.service.process.WitnessedSandbox;
import io.github.twitterlogin.service.testing.SandboxWitness;
import io.github.twitterlogin.shared.AccessTokenRequest;
import io.github.twitterlogin.shared.RequestToken;
import io.github.twitterlogin.shared.TokenCredentials;
import io.github.twitterlogin.shared.TwitterClient;
import io.github.twitterlogin.shared.TwitterFailure;
import io.github.twitterlogin.shared.TwitterFailureException;
import io.github.twitterlogin.shared.TwitterUser;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The example verticle in a process of its own, started from its jar, in a cluster with a
 * Twitter client process; the sandbox runs in a process of its own. Asked by another member with
 * a real user's access token, the example answers with that user's profile.
 */
class ExampleVerticleIT {

  private static final Duration DEADLINE = Duration.ofSeconds(60);

  @RegisterExtension
  static final LaunchedProcesses processes = new LaunchedProcesses();

  private static final Browsers browsers = new Browsers();

  private static LoopbackCluster cluster;
  private static TestJvmMember member;
  private static SandboxWitness witness;

  @BeforeAll
  static void startCluster() throws Exception {
    TestApp app = TestApp.create();
    // Auto-approve: the sandbox signs @ada in without showing its consent page.
    WitnessedSandbox sandbox = WitnessedSandbox.start(processes, app,
        ServiceEnvironment.sandbox(app).with("SANDBOX_AUTO_APPROVE", "true"));
    cluster = LoopbackCluster.start("example-verticle");
    member = cluster.testJvm();
    ServiceProcess example = processes.start("profile-lookup-example", BuildOutputs.existing("example.jar"),
        ProfileLookupMain.READY, cluster.member());
    witness = sandbox.awaitWitness(browsers.vertx());
    ServiceProcess client = processes.startService("twitter-client",
        cluster.member().roles("twitter-client").twitterApi(witness.url(), app));
    ServiceProcess.awaitAllReady(client, example);
    // This JVM, the Twitter client and the example.
    member.awaitMemberCount(3, DEADLINE);
  }

  @AfterAll
  static void leave() throws Exception {
    browsers.close();
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void exampleAnswersWithTheProfileOfASignedInUser() throws Exception {
    TokenCredentials ada = signInThroughTheSandbox();

    JsonObject reply = member.vertx().eventBus().<JsonObject>request(ProfileLookupVerticle.ADDRESS, ada.toJson())
        .await(30, TimeUnit.SECONDS).body();

    TwitterUser profile = TwitterUser.fromJson(reply);
    assertThat(profile.id()).isEqualTo(SignIn.ADA);
    assertThat(profile.screenName()).isEqualTo(SignIn.ADA_SCREEN_NAME);
    assertThat(profile.name()).isEqualTo("Ada Lovelace");
    assertThat(witness.refusals()).isEmpty();
  }

  @Test
  void exampleReportsATokenTwitterRejectsAsTheTwitterClientDoes() {
    TokenCredentials forged = new TokenCredentials("1000000001-forged", "forged-secret");

    assertThatThrownBy(() -> member.vertx().eventBus().request(ProfileLookupVerticle.ADDRESS, forged.toJson())
            .await(30, TimeUnit.SECONDS))
        .isInstanceOfSatisfying(ReplyException.class, reply -> {
          TwitterFailureException failure = TwitterFailureException.fromReply(reply);
          assertThat(failure.failure()).isEqualTo(TwitterFailure.CREDENTIALS_REJECTED);
          assertThat(failure.twitterErrorCode()).hasValue(89);
        });
  }

  /** The three legs of OAuth 1.0a through the facade, as the gateway does them: a real access token. */
  private static TokenCredentials signInThroughTheSandbox() throws Exception {
    TwitterClient twitter = TwitterClient.create(member.vertx());
    RequestToken requestToken = twitter.requestToken(SignIn.LOAD_BALANCER_URL + "/callback")
        .await(30, TimeUnit.SECONDS);
    HttpResponse<Buffer> approved = browsers.open().get(URI.create(requestToken.authenticateUrl()));
    assertThat(approved.statusCode()).as("the sandbox's auto-approval").isEqualTo(302);
    String verifier = SignIn.queryParameter(URI.create(approved.getHeader("Location")), "oauth_verifier");
    return twitter.accessToken(new AccessTokenRequest(requestToken.credentials(), verifier))
        .await(30, TimeUnit.SECONDS).credentials();
  }
}
