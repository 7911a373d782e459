package io.github.twitterlogin.examples;

import io.github.twitterlogin.shared.SignedIn;
import io.github.twitterlogin.shared.SignedOut;
import io.github.twitterlogin.shared.TwitterAddresses;
import io.github.twitterlogin.shared.TwitterClient;
import io.github.twitterlogin.shared.TwitterFailure;
import io.github.twitterlogin.shared.TwitterFailureException;
import io.github.twitterlogin.shared.TwitterUser;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A verticle of your own that works for the people who sign in, after their browser has gone:
 * it hears each sign-in on {@link TwitterAddresses#SIGNED_IN}, fetches her profile from Twitter
 * as her ({@code twitter.asUser(userId)}), and keeps a small report per user, which it serves on
 * the event bus. It names users by id; their tokens stay with the Twitter client, so it never
 * holds a secret.
 */
public class UserReportsVerticle extends VerticleBase {

  /**
   * {@code {"userId"}} to her report: {@code {"userId", "screenName", "name", "profileImageUrl",
   * "signedIn", "signedInAt", "signedOutAt", "signedOutReason", "lookups", "lastLookup"}}, where
   * {@code lastLookup} is {@code {"at", "outcome"}} and the outcome {@code ok} or the
   * {@link TwitterFailure} of the last call. A user it never heard of fails with
   * {@link TwitterFailure#NOT_SIGNED_IN}.
   */
  public static final String REPORT_ADDRESS = "example.user-reports.report";

  /**
   * {@code {"userId"}}: calls Twitter as her now, then answers her report; a call Twitter does not
   * make for her (signed out: {@link TwitterFailure#NOT_SIGNED_IN}) fails with the Twitter
   * client's code and JSON, so callers read it with {@link TwitterFailureException#fromReply}.
   */
  public static final String REFRESH_ADDRESS = "example.user-reports.refresh";

  /** The reports kept, the least recently signed in dropped first: memory stays bounded. */
  public static final int MAX_REPORTS = 10_000;

  private static final Logger LOG = LoggerFactory.getLogger(UserReportsVerticle.class);

  private final Clock clock;
  private final Map<String, JsonObject> reports = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, JsonObject> eldest) {
      return size() > MAX_REPORTS;
    }
  };
  private TwitterClient twitter;

  public UserReportsVerticle() {
    this(Clock.systemUTC());
  }

  public UserReportsVerticle(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Future<?> start() {
    twitter = TwitterClient.create(vertx);
    return Future.all(List.of(
        vertx.eventBus().<JsonObject>consumer(TwitterAddresses.SIGNED_IN, this::signedIn).completion(),
        vertx.eventBus().<JsonObject>consumer(TwitterAddresses.SIGNED_OUT, this::signedOut).completion(),
        vertx.eventBus().<Object>consumer(REPORT_ADDRESS, this::report).completion(),
        vertx.eventBus().<Object>consumer(REFRESH_ADDRESS, this::refresh).completion()));
  }

  private void signedIn(Message<JsonObject> event) {
    SignedIn signedIn = SignedIn.fromJson(event.body());
    JsonObject report = reports.computeIfAbsent(signedIn.userId(), id -> new JsonObject().put("userId", id)
        .put("lookups", 0));
    report.put("screenName", signedIn.screenName())
        .put("name", signedIn.name())
        .put("profileImageUrl", signedIn.profileImageUrl())
        .put("signedIn", true)
        .put("signedInAt", signedIn.at())
        .putNull("signedOutAt")
        .putNull("signedOutReason");
    lookUp(signedIn.userId());
  }

  private void signedOut(Message<JsonObject> event) {
    SignedOut signedOut = SignedOut.fromJson(event.body());
    JsonObject report = reports.get(signedOut.userId());
    if (report != null) {
      report.put("signedIn", false)
          .put("signedOutAt", signedOut.at())
          .put("signedOutReason", signedOut.reason().toJson());
    }
  }

  private void report(Message<Object> request) {
    Future.succeededFuture(request.body())
        .map(UserReportsVerticle::userIdOf)
        .map(this::reportOf)
        .onSuccess(report -> request.reply(report.copy()))
        .onFailure(failure -> fail(request, failure));
  }

  private void refresh(Message<Object> request) {
    Future.succeededFuture(request.body())
        .map(UserReportsVerticle::userIdOf)
        .compose(userId -> lookUp(userId).map(report -> report.copy()))
        .onSuccess(request::reply)
        .onFailure(failure -> fail(request, failure));
  }

  /** Her profile, fetched from Twitter as her; the outcome goes into her report either way. */
  private Future<JsonObject> lookUp(String userId) {
    return twitter.asUser(userId).usersMe()
        .andThen(looked -> {
          JsonObject report = reports.get(userId);
          if (report != null) {
            record(report, looked.succeeded() ? looked.result() : null, looked.cause());
          }
        })
        .map(profile -> reportOf(userId));
  }

  private void record(JsonObject report, TwitterUser profile, Throwable failure) {
    String outcome = failure == null ? "ok" : asTwitterFailure(failure).failure().name();
    report.put("lookups", report.getInteger("lookups") + 1)
        .put("lastLookup", new JsonObject().put("at", clock.millis()).put("outcome", outcome));
    if (profile != null) {
      report.put("screenName", profile.screenName())
          .put("name", profile.name())
          .put("profileImageUrl", profile.profileImageUrl());
    }
  }

  private JsonObject reportOf(String userId) {
    JsonObject report = reports.get(userId);
    if (report == null) {
      throw new TwitterFailureException(TwitterFailure.NOT_SIGNED_IN, "No sign-in of user " + userId + " was heard");
    }
    return report;
  }

  private static String userIdOf(Object body) {
    if (!(body instanceof JsonObject json) || !(json.getValue("userId") instanceof String userId) || userId.isBlank()) {
      throw new TwitterFailureException(TwitterFailure.BAD_REQUEST, "the request must be {\"userId\": \"...\"}");
    }
    return userId;
  }

  private static void fail(Message<Object> message, Throwable failure) {
    TwitterFailureException twitterFailure = asTwitterFailure(failure);
    message.fail(twitterFailure.failure().code(), twitterFailure.toJson().encode());
  }

  private static TwitterFailureException asTwitterFailure(Throwable failure) {
    if (failure instanceof TwitterFailureException twitterFailure) {
      return twitterFailure;
    }
    LOG.warn("A user report failed unexpectedly: {}", failure.toString());
    return new TwitterFailureException(TwitterFailure.INTERNAL_ERROR, "the user report failed");
  }
}
