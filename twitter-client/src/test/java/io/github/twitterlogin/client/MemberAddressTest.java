package io.github.twitterlogin.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.twitterlogin.shared.TwitterAddresses;
import io.github.twitterlogin.shared.TwitterClient;
import io.github.twitterlogin.shared.TwitterFailure;
import io.github.twitterlogin.shared.VerifyCredentialsRequest;
import io.github.twitterlogin.shared.cluster.ClusterMembership;
import io.github.twitterlogin.shared.testing.ClusterMembers;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryContext;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * In a cluster, the verticle also takes every operation at its member's own address, named by
 * a header, and the facade sends there: that is how it knows which member a request waits for.
 */
class MemberAddressTest {

  private static final long DEADLINE_SECONDS = 30;

  private static ClusterMembers cluster;
  private static Vertx member;
  private static String memberAddress;

  @BeforeAll
  static void startCluster() throws Exception {
    cluster = ClusterMembers.startOnLoopback("member-address", 1);
    member = cluster.get(0);
    ClientFixture.start(member).await(DEADLINE_SECONDS, TimeUnit.SECONDS);
    memberAddress = TwitterAddresses.member(ClusterMembership.of(member).orElseThrow().nodeId());
  }

  @AfterAll
  static void closeCluster() throws Exception {
    cluster.close();
  }

  @Test
  void theMembersAddressAnswersTheOperationItsHeaderNames() throws Exception {
    JsonObject user = member.eventBus()
        .<JsonObject>request(memberAddress, VerifyCredentialsRequest.of(FakeTwitter.USER_TOKEN).toJson(),
            new DeliveryOptions().addHeader(TwitterAddresses.Member.OPERATION_HEADER,
                TwitterAddresses.VERIFY_CREDENTIALS))
        .await(DEADLINE_SECONDS, TimeUnit.SECONDS).body();

    assertThat(user.getString("screenName")).isEqualTo(FakeTwitter.SCREEN_NAME);
  }

  @Test
  void aRequestThatNamesNoOperationIsBadRequest() {
    assertThatThrownBy(() -> member.eventBus().request(memberAddress, new JsonObject(),
            new DeliveryOptions().addHeader(TwitterAddresses.Member.OPERATION_HEADER, "twitter.no-such-operation"))
        .await(DEADLINE_SECONDS, TimeUnit.SECONDS))
        .isInstanceOfSatisfying(ReplyException.class,
            failure -> assertThat(failure.failureCode()).isEqualTo(TwitterFailure.BAD_REQUEST.code()));
  }

  @Test
  void theFacadeSendsToTheMembersAddress() throws Exception {
    List<String> sentTo = new CopyOnWriteArrayList<>();
    member.eventBus().addOutboundInterceptor((DeliveryContext<Object> delivery) -> {
      if (delivery.message().headers().contains(TwitterAddresses.Member.OPERATION_HEADER)) {
        sentTo.add(delivery.message().address());
      }
      delivery.next();
    });

    TwitterClient.create(member).verifyCredentials(FakeTwitter.USER_TOKEN).await(DEADLINE_SECONDS, TimeUnit.SECONDS);

    assertThat(sentTo).containsExactly(memberAddress);
  }
}
