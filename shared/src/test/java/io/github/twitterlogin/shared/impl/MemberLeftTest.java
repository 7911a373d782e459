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
import io.github.twitterlogin.shared.cluster.ClusterMembership;
import io.github.twitterlogin.shared.testing.ClusterMembers;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.json.JsonObject;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Three members in this JVM: the first calls through the facade, the others play Twitter
 * clients at their own member's address, as {@code TwitterClientVerticle} does. A member
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

  @Test
  void eachRequestGoesToTheAddressOfTheMemberItPicked() throws Exception {
    StandIn answering = StandIn.answering(cluster.get(1), new JsonObject(), ADA.toJson());

    for (int i = 0; i < 3; i++) {
      twitter.usersMe(TOKEN).await(DEADLINE_SECONDS, TimeUnit.SECONDS);
    }

    assertThat(answering.received()).hasSize(3).allSatisfy(message -> assertThat(message.address())
        .isEqualTo(TwitterAddresses.member(nodeId(cluster.get(1)))));
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

  private static String nodeId(Vertx member) {
    return ClusterMembership.of(member).orElseThrow().nodeId();
  }

  /** Hazelcast stops at once, as in a crash: no goodbye to the other members, which notice the closed connections. */
  private static void crash(Vertx member) {
    ((HazelcastClusterManager) ((VertxInternal) member).clusterManager()).getHazelcastInstance()
        .getLifecycleService().terminate();
  }

  /** A Twitter client at its member's address: it answers {@code PING} and holds, or answers, the rest. */
  private static final class StandIn {

    private final List<Message<JsonObject>> received = new CopyOnWriteArrayList<>();
    private final Promise<Void> first = Promise.promise();

    static StandIn holding(Vertx member) throws TimeoutException {
      return start(member, null, null);
    }

    static StandIn answering(Vertx member, JsonObject pong, JsonObject answer) throws TimeoutException {
      return start(member, pong, answer);
    }

    private static StandIn start(Vertx member, JsonObject pong, JsonObject answer) throws TimeoutException {
      StandIn standIn = new StandIn();
      MessageConsumer<JsonObject> ping = member.eventBus().consumer(TwitterAddresses.PING,
          message -> message.reply(pong == null ? new JsonObject() : pong));
      MessageConsumer<JsonObject> atMember = member.eventBus().consumer(TwitterAddresses.member(nodeId(member)),
          message -> {
            standIn.received.add(message);
            standIn.first.tryComplete();
            if (answer != null) {
              message.reply(answer);
            }
          });
      Future.all(ping.completion(), atMember.completion()).await(DEADLINE_SECONDS, TimeUnit.SECONDS);
      return standIn;
    }

    List<Message<JsonObject>> received() {
      return List.copyOf(received);
    }

    Future<Void> firstReceived() {
      return first.future();
    }
  }
}
