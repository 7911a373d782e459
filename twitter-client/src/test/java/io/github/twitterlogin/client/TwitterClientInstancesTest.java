package io.github.twitterlogin.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.twitterlogin.shared.TwitterAddresses;
import io.github.twitterlogin.shared.TwitterClient;
import io.github.twitterlogin.shared.TwitterUser;
import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryContext;
import io.vertx.core.internal.ContextInternal;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Instances of the verticle deployed together each serve: each has a context of its own, and
 * an inbound interceptor, which runs on (a duplicate of) the context of the consumer a message is
 * delivered to, counts the requests each context took. {@code ContextInternal} is not public API;
 * it is the one way to tell the instance a delivery belongs to. All of them answered, so each instance that took one
 * served it.
 */
@ExtendWith(VertxExtension.class)
class TwitterClientInstancesTest {

  private static final int INSTANCES = 3;
  private static final int REQUESTS = 12;

  @Test
  void everyInstanceServesItsShareOfTheRequests(Vertx vertx) throws Exception {
    FakeTwitter twitter = FakeTwitter.start(vertx).await(10, TimeUnit.SECONDS);
    vertx.deployVerticle(() -> new TwitterClientVerticle(),
            new DeploymentOptions().setInstances(INSTANCES).setConfig(ClientFixture.configFor(twitter)))
        .await(10, TimeUnit.SECONDS);
    Map<Context, AtomicInteger> takenByContext = new ConcurrentHashMap<>();
    vertx.eventBus().addInboundInterceptor((DeliveryContext<Object> delivery) -> {
      if (delivery.message().address().equals(TwitterAddresses.VERIFY_CREDENTIALS)) {
        // Vert.x runs each delivery on a duplicate of the consumer's context; the root is the instance's.
        Context instance = ((ContextInternal) Vertx.currentContext()).unwrap();
        takenByContext.computeIfAbsent(instance, context -> new AtomicInteger()).incrementAndGet();
      }
      delivery.next();
    });
    TwitterClient client = TwitterClient.create(vertx);

    List<Future<TwitterUser>> calls = IntStream.range(0, REQUESTS)
        .mapToObj(i -> client.verifyCredentials(FakeTwitter.USER_TOKEN))
        .toList();
    Future.all(calls).await(20, TimeUnit.SECONDS);

    assertThat(calls).allSatisfy(call -> assertThat(call.result().screenName()).isEqualTo(FakeTwitter.SCREEN_NAME));
    assertThat(takenByContext).as("requests taken by each verticle instance's context").hasSize(INSTANCES);
    assertThat(takenByContext.values()).allSatisfy(taken -> assertThat(taken.get()).isPositive());
    assertThat(takenByContext.values().stream().mapToInt(AtomicInteger::get).sum()).isEqualTo(REQUESTS);
    assertThat(twitter.received()).hasSize(REQUESTS);
  }
}
