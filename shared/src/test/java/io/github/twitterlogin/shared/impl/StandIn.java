package io.github.twitterlogin.shared.impl;

import io.github.twitterlogin.shared.TwitterAddresses;
import io.github.twitterlogin.shared.cluster.ClusterMembership;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A Twitter client at its member's address: it answers {@code PING} and holds, or answers, the rest. */
final class StandIn {

  private static final long DEADLINE_SECONDS = 30;

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

  static String nodeId(Vertx member) {
    return ClusterMembership.of(member).orElseThrow().nodeId();
  }
}
