package io.github.twitterlogin.examples;

import io.github.twitterlogin.shared.TokenCredentials;
import io.github.twitterlogin.shared.TwitterClient;
import io.github.twitterlogin.shared.TwitterFailure;
import io.github.twitterlogin.shared.TwitterFailureException;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A verticle of your own that calls Twitter for a signed-in user: asked with the user's access
 * token, it replies who the user is. It never talks to Twitter itself; the {@link TwitterClient}
 * facade sends the request to a Twitter client verticle, wherever it runs in the cluster.
 */
public class ProfileLookupVerticle extends VerticleBase {

  /**
   * {@code {"token", "tokenSecret"}} (a user's access token) to {@code {"id", "screenName",
   * "name", "profileImageUrl"}}. A failure carries a {@link TwitterFailure} code and a
   * {@link TwitterFailureException} as JSON, so callers read it as they read the Twitter client's.
   */
  public static final String ADDRESS = "example.profile.lookup";

  private static final Logger LOG = LoggerFactory.getLogger(ProfileLookupVerticle.class);

  private TwitterClient twitter;

  @Override
  public Future<?> start() {
    twitter = TwitterClient.create(vertx);
    return vertx.eventBus().consumer(ADDRESS, this::lookUp).completion();
  }

  private void lookUp(Message<Object> message) {
    Future.succeededFuture(message.body())
        .map(ProfileLookupVerticle::credentials)
        .compose(twitter::verifyCredentials)
        .onSuccess(user -> message.reply(user.toJson()))
        .onFailure(failure -> fail(message, failure));
  }

  private static TokenCredentials credentials(Object body) {
    if (!(body instanceof JsonObject json)) {
      throw new TwitterFailureException(TwitterFailure.BAD_REQUEST, "the request must be a JSON object");
    }
    return TokenCredentials.fromJson(json);
  }

  private static void fail(Message<Object> message, Throwable failure) {
    TwitterFailureException twitterFailure = asTwitterFailure(failure);
    message.fail(twitterFailure.failure().code(), twitterFailure.toJson().encode());
  }

  private static TwitterFailureException asTwitterFailure(Throwable failure) {
    if (failure instanceof TwitterFailureException twitterFailure) {
      return twitterFailure;
    }
    LOG.warn("Profile lookup failed unexpectedly", failure);
    return new TwitterFailureException(TwitterFailure.INTERNAL_ERROR, "the profile lookup failed");
  }
}
