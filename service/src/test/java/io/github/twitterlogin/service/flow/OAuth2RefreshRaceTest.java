package io.github.twitterlogin.service.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.twitterlogin.gateway.GatewayVerticle;
import io.github.twitterlogin.sandbox.TwitterSandboxVerticle;
import io.github.twitterlogin.service.testing.LoopbackDeployments;
import io.github.twitterlogin.service.testing.SandboxWitness;
import io.github.twitterlogin.service.testing.SecretsStayOutOfLogs;
import io.github.twitterlogin.shared.TwitterAddresses;
import io.github.twitterlogin.shared.TwitterClient;
import io.github.twitterlogin.shared.TwitterUser;
import io.github.twitterlogin.shared.testing.ClusterMembers;
import io.github.twitterlogin.shared.testing.TestClock;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Refresh once per cluster: two Hazelcast members, each with its own Twitter client, asked at the
 * same moment to call as a user whose OAuth 2.0 access token has just expired. The sandbox's
 * refresh tokens are single-use, a reused one revoking the grant, so two refreshes would fail
 * the calls after them; the witness at the sandbox's door counts the refresh requests.
 */
@ExtendWith(SecretsStayOutOfLogs.class)
class OAuth2RefreshRaceTest {

  private static final String ADA = "1000000001";
  private static final int ROUNDS = 10;
  private static final int CALLS_PER_MEMBER = 8;
  private static final long DEADLINE_SECONDS = 60;

  private static final TestClock CLOCK = TestClock.realTime();
  private static ClusterMembers cluster;
  private static SandboxWitness witness;
  private static String gateway;
  private static final List<AtomicInteger> askedOf = List.of(new AtomicInteger(), new AtomicInteger());

  @BeforeAll
  static void startCluster() throws Exception {
    cluster = ClusterMembers.startOnLoopback("oauth2-refresh-race", 2);
    TwitterSandboxVerticle sandbox = new TwitterSandboxVerticle(CLOCK);
    LoopbackDeployments.deploy(cluster.get(0), sandbox, new JsonObject());
    witness = LoopbackDeployments.witness(cluster.get(0), LoopbackDeployments.url(sandbox.actualPort()));
    for (int member = 0; member < 2; member++) {
      LoopbackDeployments.twitterClient(cluster.get(member), witness.url(), new JsonObject(), CLOCK);
      AtomicInteger asked = askedOf.get(member);
      cluster.get(member).eventBus().addInboundInterceptor(delivery -> {
        // At the operation's address, or at the member's own, where the facade sends it.
        String operation = delivery.message().headers().get(TwitterAddresses.Member.OPERATION_HEADER);
        if (TwitterAddresses.USERS_ME.equals(delivery.message().address()) || TwitterAddresses.USERS_ME.equals(operation)) {
          asked.incrementAndGet();
        }
        delivery.next();
      });
    }
    GatewayVerticle gatewayVerticle = new GatewayVerticle();
    LoopbackDeployments.deploy(cluster.get(1), gatewayVerticle,
        LoopbackDeployments.gatewayConfig().put("auth", new JsonObject().put("flow", "oauth2")));
    gateway = LoopbackDeployments.url(gatewayVerticle.actualPort());
  }

  @AfterAll
  static void stopCluster() throws Exception {
    witness.close();
    cluster.close();
  }

  @Test
  void anExpiredTokenIsRefreshedByOneMemberAndEveryCallerUsesItsResult() throws Exception {
    assertThat(new SignInBrowser(cluster.get(1)).signInOAuth2(gateway, ADA).statusCode()).isEqualTo(302);
    List<TwitterClient> callers = List.of(TwitterClient.create(cluster.get(0)), TwitterClient.create(cluster.get(1)));

    for (int round = 1; round <= ROUNDS; round++) {
      CLOCK.advance(Duration.ofHours(2));
      int refreshesBefore = witness.oauth2TokenRequests("refresh_token");
      List<Integer> askedBefore = askedOf.stream().map(AtomicInteger::get).toList();
      List<Future<TwitterUser>> calls = new ArrayList<>();
      for (int call = 0; call < CALLS_PER_MEMBER; call++) {
        callers.forEach(caller -> calls.add(caller.asUser(ADA).usersMe()));
      }

      Future.all(calls).await(DEADLINE_SECONDS, TimeUnit.SECONDS);

      assertThat(calls).as("round %d: every caller succeeds", round)
          .allSatisfy(call -> assertThat(call.result().id()).isEqualTo(ADA));
      assertThat(witness.oauth2TokenRequests("refresh_token") - refreshesBefore)
          .as("round %d: refresh requests that reached the sandbox", round).isEqualTo(1);
      for (int member = 0; member < 2; member++) {
        assertThat(askedOf.get(member).get() - askedBefore.get(member))
            .as("round %d: the Twitter client of member %d was asked too", round, member).isPositive();
      }
    }
    List<String> issued = witness.oauth2AccessTokensIssued();
    assertThat(issued).hasSize(ROUNDS + 1).doesNotHaveDuplicates();
    List<String> used = witness.bearerTokensUsed();
    assertThat(used.get(used.size() - 1)).as("the last calls used the last refresh's token")
        .isEqualTo(issued.get(issued.size() - 1));
  }
}
