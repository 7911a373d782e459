package io.github.twitterlogin.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.twitterlogin.shared.TokenCredentials;
import io.github.twitterlogin.shared.TwitterAddresses;
import io.github.twitterlogin.shared.TwitterFailure;
import io.github.twitterlogin.shared.TwitterFailureException;
import io.github.twitterlogin.shared.TwitterUser;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The example verticle against a stand-in Twitter client that speaks the shared contract. */
@ExtendWith(VertxExtension.class)
class ProfileLookupVerticleTest {

  private static final TokenCredentials ADA = new TokenCredentials("ada-token", "ada-secret");
  private static final TwitterUser ADA_PROFILE =
      new TwitterUser("1000000001", "ada", "Ada Lovelace", "http://127.0.0.1/ada.svg", null);

  private final List<JsonObject> askedOfTwitter = new CopyOnWriteArrayList<>();

  @BeforeEach
  void deploy(Vertx vertx) throws Exception {
    vertx.eventBus().<JsonObject>consumer(TwitterAddresses.VERIFY_CREDENTIALS, message -> {
      askedOfTwitter.add(message.body());
      if (ADA.equals(TokenCredentials.fromJson(message.body()))) {
        message.reply(ADA_PROFILE.toJson());
      } else {
        TwitterFailureException rejected =
            new TwitterFailureException(TwitterFailure.CREDENTIALS_REJECTED, "Invalid or expired token.", 89, null);
        message.fail(rejected.failure().code(), rejected.toJson().encode());
      }
    }).completion().await(10, TimeUnit.SECONDS);
    vertx.deployVerticle(new ProfileLookupVerticle()).await(10, TimeUnit.SECONDS);
  }

  @Test
  void repliesTheProfileOfTheTokensOwner(Vertx vertx) throws Exception {
    JsonObject reply = vertx.eventBus().<JsonObject>request(ProfileLookupVerticle.ADDRESS, ADA.toJson())
        .await(10, TimeUnit.SECONDS).body();

    assertThat(TwitterUser.fromJson(reply)).isEqualTo(ADA_PROFILE);
  }

  @Test
  void passesTwitterFailuresOnInTheContractsFormat(Vertx vertx) {
    TokenCredentials revoked = new TokenCredentials("revoked-token", "revoked-secret");

    assertThatThrownBy(() -> vertx.eventBus().request(ProfileLookupVerticle.ADDRESS, revoked.toJson())
            .await(10, TimeUnit.SECONDS))
        .isInstanceOfSatisfying(ReplyException.class, reply -> {
          TwitterFailureException failure = TwitterFailureException.fromReply(reply);
          assertThat(failure.failure()).isEqualTo(TwitterFailure.CREDENTIALS_REJECTED);
          assertThat(failure.twitterErrorCode()).hasValue(89);
        });
  }

  @Test
  void refusesARequestWithoutATokenWithoutAskingTwitter(Vertx vertx) {
    assertThatThrownBy(() -> vertx.eventBus().request(ProfileLookupVerticle.ADDRESS, "ada")
            .await(10, TimeUnit.SECONDS))
        .isInstanceOfSatisfying(ReplyException.class, reply ->
            assertThat(TwitterFailureException.fromReply(reply).failure()).isEqualTo(TwitterFailure.BAD_REQUEST));
    assertThat(askedOfTwitter).isEmpty();
  }
}
