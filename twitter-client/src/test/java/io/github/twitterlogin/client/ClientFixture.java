package io.github.twitterlogin.client;

import io.github.twitterlogin.shared.TwitterClient;
import io.github.twitterlogin.shared.testing.TestKeys;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/** A fake Twitter on a free loopback port, a Twitter client verticle deployed against it, and the facade. */
final class ClientFixture {

  final FakeTwitter twitter;
  final TwitterClient client;

  private ClientFixture(FakeTwitter twitter, TwitterClient client) {
    this.twitter = twitter;
    this.client = client;
  }

  static Future<ClientFixture> start(Vertx vertx) {
    return start(vertx, new JsonObject());
  }

  /** @param config keys that replace the ones pointing at the fake */
  static Future<ClientFixture> start(Vertx vertx, JsonObject config) {
    return FakeTwitter.start(vertx)
        .compose(twitter -> deploy(vertx, configFor(twitter).mergeIn(config))
            .map(deployment -> new ClientFixture(twitter, TwitterClient.create(vertx))));
  }

  static JsonObject configFor(FakeTwitter twitter) {
    return new JsonObject()
        .put("apiBaseUrl", twitter.baseUrl())
        .put("consumerKey", FakeTwitter.CONSUMER_KEY)
        .put("consumerSecret", FakeTwitter.CONSUMER_SECRET)
        .put("tokenEncryptionKeys", TestKeys.SESSION_ENCRYPTION_KEYS);
  }

  static Future<String> deploy(Vertx vertx, JsonObject config) {
    return vertx.deployVerticle(new TwitterClientVerticle(), new DeploymentOptions().setConfig(config));
  }
}
