package io.github.twitterlogin.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.twitterlogin.shared.TwitterAddresses;
import io.github.twitterlogin.shared.TwitterClient;
import io.github.twitterlogin.shared.TwitterFailure;
import io.github.twitterlogin.shared.TwitterFailureException;
import io.github.twitterlogin.shared.TwitterUser;
import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Checkpoint;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class TwitterClientVerticleTest {

  @Test
  void missingConsumerSecretFailsDeployment(Vertx vertx, VertxTestContext testContext) {
    JsonObject config = new JsonObject().put("consumerKey", FakeTwitter.CONSUMER_KEY);
    ClientFixture.deploy(vertx, config).onComplete(testContext.failing(failure -> testContext.verify(() -> {
      assertThat(failure).hasMessageContaining("consumerSecret is required");
      testContext.completeNow();
    })));
  }

  @Test
  void failedDeploymentDoesNotShowTheSecret(Vertx vertx, VertxTestContext testContext) {
    JsonObject config = new JsonObject().put("consumerSecret", "s3cret-value").put("apiBaseUrl", "ftp://s3cret-value");
    ClientFixture.deploy(vertx, config).onComplete(testContext.failing(failure -> testContext.verify(() -> {
      assertThat(failure).hasMessageContaining("apiBaseUrl must be an absolute http or https URL");
      assertThat(failure.getMessage()).doesNotContain("s3cret-value");
      testContext.completeNow();
    })));
  }

  @Test
  void optionsGivenInCodeAreServedAndTheConfigIsNotRead(Vertx vertx, VertxTestContext testContext) {
    Future<TwitterUser> user = FakeTwitter.start(vertx).compose(twitter -> {
      TwitterClientOptions options = new TwitterClientOptions(ClientFixture.configFor(twitter));
      TwitterClientVerticle verticle = new TwitterClientVerticle(options);
      options.setConsumerSecret("changed-after-construction");
      return vertx.deployVerticle(verticle, new DeploymentOptions().setConfig(new JsonObject().put("apiBaseUrl", "ftp://x")))
          .compose(deployment -> TwitterClient.create(vertx).verifyCredentials(FakeTwitter.USER_TOKEN));
    });
    Outcome.succeeds(testContext, user, found -> assertThat(found.id()).isEqualTo(FakeTwitter.USER_ID));
  }

  @Test
  void invalidOptionsGivenInCodeFailDeployment(Vertx vertx, VertxTestContext testContext) {
    TwitterClientOptions options = new TwitterClientOptions()
        .setConsumerKey("key").setConsumerSecret("s3cret-value").setRequestTimeoutMillis(-5);
    vertx.deployVerticle(new TwitterClientVerticle(options)).onComplete(testContext.failing(failure ->
        testContext.verify(() -> {
          assertThat(failure).isInstanceOf(IllegalArgumentException.class)
              .hasMessageContaining("requestTimeoutMillis must be a positive whole number");
          assertThat(failure.getMessage()).doesNotContain("s3cret-value");
          testContext.completeNow();
        })));
  }

  @Test
  void timeoutGivenAsAStringFailsDeploymentNamingIt(Vertx vertx, VertxTestContext testContext) {
    JsonObject config = new JsonObject().put("consumerKey", "key").put("consumerSecret", "s3cret-value")
        .put("requestTimeoutMillis", "10000");
    ClientFixture.deploy(vertx, config).onComplete(testContext.failing(failure -> testContext.verify(() -> {
      assertThat(failure).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("requestTimeoutMillis must be a whole number of milliseconds, not a string");
      testContext.completeNow();
    })));
  }

  @Test
  void pingAnswersAnEmptyObject(Vertx vertx, VertxTestContext testContext) {
    Future<JsonObject> pong = ClientFixture.start(vertx)
        .compose(fixture -> vertx.eventBus().<JsonObject>request(TwitterAddresses.PING, "anything"))
        .map(reply -> reply.body());
    Outcome.succeeds(testContext, pong, body -> assertThat(body).isEqualTo(new JsonObject()));
  }

  @Test
  void everyAddressIsServedOnceDeployed(Vertx vertx, VertxTestContext testContext) throws Exception {
    List<String> addresses = addressesOf(TwitterAddresses.class);
    Checkpoint answered = testContext.checkpoint(addresses.size());
    ClientFixture.start(vertx).onComplete(testContext.succeeding(fixture -> {
      for (String address : addresses) {
        boolean event = TwitterAddresses.EVENTS.contains(address);
        vertx.eventBus().request(address, new JsonObject()).onComplete(reply -> testContext.verify(() -> {
          if (event) {
            assertThat(reply.failed()).as(address + " is an event: nothing answers it").isTrue();
          }
          if (reply.failed()) {
            ReplyException failure = (ReplyException) reply.cause();
            assertThat(failure.failureType()).as(address)
                .isEqualTo(event ? ReplyFailure.NO_HANDLERS : ReplyFailure.RECIPIENT_FAILURE);
          }
          answered.flag();
        }));
      }
    }));
  }

  @Test
  void stoppingTakesNoNewRequestsButAnswersThoseInFlight(Vertx vertx) throws Exception {
    FakeTwitter twitter = FakeTwitter.start(vertx).await(10, TimeUnit.SECONDS);
    Promise<Runnable> heldAnswer = Promise.promise();
    twitter.answer("/1.1/account/verify_credentials.json", ctx -> {
      Context server = Vertx.currentContext();
      heldAnswer.complete(() -> server.runOnContext(now -> ctx.next()));
    });
    String deployment = ClientFixture.deploy(vertx, ClientFixture.configFor(twitter)).await(10, TimeUnit.SECONDS);
    TwitterClient client = TwitterClient.create(vertx);
    Future<TwitterUser> inFlight = client.verifyCredentials(FakeTwitter.USER_TOKEN);
    Runnable answerNow = heldAnswer.future().await(10, TimeUnit.SECONDS);

    Future<Void> stopped = vertx.undeploy(deployment);
    awaitNoClient(client);
    answerNow.run();

    assertThat(inFlight.await(10, TimeUnit.SECONDS).screenName()).isEqualTo(FakeTwitter.SCREEN_NAME);
    stopped.await(10, TimeUnit.SECONDS);
  }

  @Test
  void severalInstancesServeTogether(Vertx vertx, VertxTestContext testContext) {
    Checkpoint served = testContext.checkpoint(4);
    FakeTwitter.start(vertx)
        .compose(twitter -> vertx.deployVerticle(() -> new TwitterClientVerticle(),
            new DeploymentOptions().setInstances(3).setConfig(ClientFixture.configFor(twitter))))
        .onComplete(testContext.succeeding(deployment -> {
          TwitterClient client = TwitterClient.create(vertx);
          for (int i = 0; i < 4; i++) {
            client.verifyCredentials(FakeTwitter.USER_TOKEN).onComplete(testContext.succeeding(user -> served.flag()));
          }
        }));
  }

  /** Until a ping finds no Twitter client: the stopping one has unregistered. */
  private static void awaitNoClient(TwitterClient client) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!findsNoClient(client.ping())) {
      assertThat(System.nanoTime() - deadline).as("the Twitter client still answers pings").isNegative();
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
    }
  }

  private static boolean findsNoClient(Future<Void> ping) {
    try {
      ping.await(10, TimeUnit.SECONDS);
      return false;
    } catch (TwitterFailureException failure) {
      return failure.failure() == TwitterFailure.NO_CLIENT;
    } catch (TimeoutException noAnswer) {
      return false;
    }
  }

  private static List<String> addressesOf(Class<?> constants) throws IllegalAccessException {
    Field[] fields = Arrays.stream(constants.getFields())
        .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == String.class)
        .toArray(Field[]::new);
    String[] addresses = new String[fields.length];
    for (int i = 0; i < fields.length; i++) {
      addresses[i] = (String) fields[i].get(null);
    }
    assertThat(addresses).hasSizeGreaterThanOrEqualTo(6);
    return List.of(addresses);
  }
}
