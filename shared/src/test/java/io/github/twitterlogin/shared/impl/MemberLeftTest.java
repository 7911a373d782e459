package io.github.twitterlogin.shared.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.twitterlogin.shared.RequestToken;
import io.github.twitterlogin.shared.TokenCredentials;
import io.github.twitterlogin.shared.TwitterAddresses;
import io.github.twitterlogin.shared.TwitterClient;
import io.github.twitterlogin.shared.TwitterFailure;
import io.github.twitterlogin.shared.TwitterFailureException;
import io.github.twitterlogin.shared.TwitterUser;
import io.github.twitterlogin.shared.testing.ClusterMembers;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.json.JsonObject;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Three members in this JVM: the first calls through the facade, the others play Twitter
 * clients at their own member's address, as {@code TwitterClientVerticle} does (the first too,
 * where a test says so). A member
 * "crashes" when its Hazelcast is terminated, without leaving: the cluster drops it as it drops a
 * killed process. The facade's event-bus timeout is a minute, longer than any wait here, so a
 * failure that comes is the facade's own, not the timeout's.
 */
class MemberLeftTest {

  private static final long EVENT_BUS_TIMEOUT_MILLIS = 60_000;
  private static final long DEADLINE_SECONDS = 30;
  private static final TokenCredentials TOKEN = new TokenCredentials("token", "secret");
  private static final TwitterUser ADA = new TwitterUser("1", "ada", "Ada", null, null);

  private ClusterMembers cluster;
  private TwitterClient twitter;

  @BeforeEach
  void startCluster() throws Exception {
    cluster = ClusterMembers.startOnLoopback("member-left", 3);
    twitter = TwitterClient.create(cluster.get(0), new DeliveryOptions().setSendTimeout(EVENT_BUS_TIMEOUT_MILLIS));
  }

  @AfterEach
  void closeCluster() throws Exception {
    cluster.close();
  }

  @Test
  void aRequestInFlightToAMemberThatLeavesFailsAtOnce() throws Exception {
    StandIn holding = StandIn.holding(cluster.get(1));
    Future<RequestToken> call = twitter.requestToken("https://app.example/callback");
    holding.firstReceived().await(DEADLINE_SECONDS, TimeUnit.SECONDS);

    crash(cluster.get(1));

    assertThatThrownBy(() -> call.await(DEADLINE_SECONDS, TimeUnit.SECONDS))
        .isInstanceOfSatisfying(TwitterFailureException.class,
            failure -> assertThat(failure.failure()).isEqualTo(TwitterFailure.CLIENT_UNAVAILABLE));
  }

  @Test
  void aReadInFlightToAMemberThatLeavesIsAnsweredByAnother() throws Exception {
    StandIn holding = StandIn.holding(cluster.get(1));
    Future<TwitterUser> call = twitter.usersMe(TOKEN);
    holding.firstReceived().await(DEADLINE_SECONDS, TimeUnit.SECONDS);
    StandIn answering = StandIn.answering(cluster.get(2), new JsonObject().put("ok", true), ADA.toJson());

    crash(cluster.get(1));

    assertThat(call.await(DEADLINE_SECONDS, TimeUnit.SECONDS).screenName()).isEqualTo("ada");
    assertThat(answering.received())
        .extracting(message -> message.headers().get(TwitterAddresses.Member.OPERATION_HEADER))
        .containsExactly(TwitterAddresses.USERS_ME);
  }

  @Test
  void aRequestThatChangesSomethingIsNeverSentTwice() throws Exception {
    StandIn holding = StandIn.holding(cluster.get(1));
    Future<RequestToken> call = twitter.requestToken("https://app.example/callback");
    holding.firstReceived().await(DEADLINE_SECONDS, TimeUnit.SECONDS);
    StandIn answering = StandIn.answering(cluster.get(2), new JsonObject(), new JsonObject());

    crash(cluster.get(1));

    assertThatThrownBy(() -> call.await(DEADLINE_SECONDS, TimeUnit.SECONDS))
        .isInstanceOfSatisfying(TwitterFailureException.class,
            failure -> assertThat(failure.failure()).isEqualTo(TwitterFailure.CLIENT_UNAVAILABLE));
    assertThat(answering.received()).isEmpty();
  }

  /** A process with both roles keeps its calls to itself: none crosses the network. */
  @Test
  void aMemberThatRunsATwitterClientSendsItsOwnRequestsToIt() throws Exception {
    StandIn own = StandIn.answering(cluster.get(0), new JsonObject(), ADA.toJson());
    StandIn other = StandIn.answering(cluster.get(1), new JsonObject(), ADA.toJson());

    for (int i = 0; i < 10; i++) {
      twitter.usersMe(TOKEN).await(DEADLINE_SECONDS, TimeUnit.SECONDS);
    }

    assertThat(own.received()).hasSize(10);
    assertThat(other.received()).isEmpty();
  }

  @Test
  void aMemberWithoutOneSendsToEachMemberInTurn() throws Exception {
    StandIn first = StandIn.answering(cluster.get(1), new JsonObject(), ADA.toJson());
    StandIn second = StandIn.answering(cluster.get(2), new JsonObject(), ADA.toJson());

    for (int i = 0; i < 10; i++) {
      twitter.usersMe(TOKEN).await(DEADLINE_SECONDS, TimeUnit.SECONDS);
    }

    assertThat(first.received()).hasSize(5);
    assertThat(second.received()).hasSize(5);
  }

  @Test
  void eachRequestGoesToTheAddressOfTheMemberItPicked() throws Exception {
    StandIn answering = StandIn.answering(cluster.get(1), new JsonObject(), ADA.toJson());

    for (int i = 0; i < 3; i++) {
      twitter.usersMe(TOKEN).await(DEADLINE_SECONDS, TimeUnit.SECONDS);
    }

    assertThat(answering.received()).hasSize(3).allSatisfy(message -> assertThat(message.address())
        .isEqualTo(TwitterAddresses.member(StandIn.nodeId(cluster.get(1)))));
  }

  /** A Twitter client that takes no requests at its member's address: the operation's address takes them. */
  @Test
  void aMemberWithoutItsOwnAddressGetsTheRequestAtTheOperationsAddress() throws Exception {
    Vertx client = cluster.get(1);
    List<String> received = new CopyOnWriteArrayList<>();
    Future.all(
            client.eventBus().consumer(TwitterAddresses.PING, message -> message.reply(new JsonObject())).completion(),
            client.eventBus().<JsonObject>consumer(TwitterAddresses.USERS_ME, message -> {
              received.add(message.address());
              message.reply(ADA.toJson());
            }).completion())
        .await(DEADLINE_SECONDS, TimeUnit.SECONDS);

    assertThat(twitter.usersMe(TOKEN).await(DEADLINE_SECONDS, TimeUnit.SECONDS).screenName()).isEqualTo("ada");
    assertThat(received).containsExactly(TwitterAddresses.USERS_ME);
  }

  /** Hazelcast stops at once, as in a crash: no goodbye to the other members, which notice the closed connections. */
  private static void crash(Vertx member) {
    ((HazelcastClusterManager) ((VertxInternal) member).clusterManager()).getHazelcastInstance()
        .getLifecycleService().terminate();
  }
}
