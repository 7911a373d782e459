package io.github.twitterlogin.service.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.twitterlogin.examples.ProfileLookupVerticle;
import io.github.twitterlogin.shared.AccessTokenRequest;
import io.github.twitterlogin.shared.RequestToken;
import io.github.twitterlogin.shared.TokenCredentials;
import io.github.twitterlogin.shared.TwitterClient;
import io.github.twitterlogin.shared.TwitterFailure;
import io.github.twitterlogin.shared.TwitterFailureException;
import io.github.twitterlogin.shared.TwitterUser;
import io.github.twitterlogin.shared.testing.LoopbackPorts;
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
 * Twitter client process and a sandbox process: asked by another member with a real user's
 * access token, it answers with that user's profile.
 */
class ExampleVerticleIT {

  private static final Duration DEADLINE = Duration.ofSeconds(60);

  @RegisterExtension
  static final LaunchedProcesses processes = new LaunchedProcesses();

  // The sandbox, the Twitter client, the example, this JVM.
  private static final LoopbackCluster cluster = LoopbackCluster.of("example-verticle", 4);
  private static final Browsers browsers = new Browsers();

  private static TestJvmMember member;
  private static String callbackUrl;

  @BeforeAll
  static void startCluster() throws Exception {
    int sandboxPort = LoopbackPorts.one();
    callbackUrl = "http://127.0.0.1:" + LoopbackPorts.one() + "/callback";
    // Auto-approve: the sandbox signs @ada in without showing its consent page.
    ServiceProcess sandbox = processes.startService("sandbox",
        cluster.member().roles("sandbox").sandbox(sandboxPort).with("SANDBOX_AUTO_APPROVE", "true"));
    ServiceProcess client = processes.startService("twitter-client",
        cluster.member().roles("twitter-client").twitterApi("http://127.0.0.1:" + sandboxPort));
    ServiceProcess example = processes.startExample("profile-lookup-example", cluster.member());
    member = TestJvmMember.join(cluster.memberSettings());
    ServiceProcess.awaitAllReady(sandbox, client, example);
    member.awaitMemberCount(4, DEADLINE);
  }

  @AfterAll
  static void leave() throws Exception {
    browsers.close();
    if (member != null) {
      member.close();
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
    RequestToken requestToken = twitter.requestToken(callbackUrl).await(30, TimeUnit.SECONDS);
    HttpResponse<Buffer> approved = browsers.open().get(URI.create(requestToken.authenticateUrl()));
    assertThat(approved.statusCode()).as("the sandbox's auto-approval").isEqualTo(302);
    String verifier = SignIn.queryParameter(URI.create(approved.getHeader("Location")), "oauth_verifier");
    return twitter.accessToken(new AccessTokenRequest(requestToken.credentials(), verifier))
        .await(30, TimeUnit.SECONDS).credentials();
  }
}
