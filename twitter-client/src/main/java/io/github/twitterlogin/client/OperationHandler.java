package io.github.twitterlogin.client;

import io.github.twitterlogin.shared.TwitterFailure;
import io.github.twitterlogin.shared.TwitterFailureException;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the messages of one address: reads the request, runs the operation, and replies its JSON
 * or fails with a {@link TwitterFailure} code and a {@link TwitterFailureException} in JSON. Every
 * message gets an answer, a malformed one included, and none stops the consumer.
 */
final class OperationHandler<T> implements Handler<Message<Object>> {

  private static final Logger log = LoggerFactory.getLogger(OperationHandler.class);

  private final String address;
  private final Function<JsonObject, T> requestReader;
  private final Function<T, Future<JsonObject>> operation;
  private final OperationsInFlight inFlight;

  OperationHandler(String address, Function<JsonObject, T> requestReader, Function<T, Future<JsonObject>> operation,
      OperationsInFlight inFlight) {
    this.address = address;
    this.requestReader = requestReader;
    this.operation = operation;
    this.inFlight = inFlight;
  }

  @Override
  public void handle(Message<Object> message) {
    inFlight.track(requestOf(message.body())
        .compose(operation)
        .onSuccess(message::reply)
        .onFailure(cause -> fail(message, cause)));
  }

  private Future<T> requestOf(Object body) {
    if (!(body instanceof JsonObject json)) {
      return Future.failedFuture(new TwitterFailureException(
          TwitterFailure.BAD_REQUEST, "A request to " + address + " must be a JSON object"));
    }
    return Future.succeededFuture(json).map(requestReader);
  }

  private void fail(Message<Object> message, Throwable cause) {
    TwitterFailureException failure = cause instanceof TwitterFailureException known ? known : unexpected(cause);
    switch (failure.failure()) {
      case BAD_REQUEST, CREDENTIALS_REJECTED, FORBIDDEN ->
          log.debug("{} failed: {} {}", address, failure.failure(), failure.getMessage());
      default -> log.warn("{} failed: {} {}", address, failure.failure(), failure.getMessage());
    }
    message.fail(failure.failure().code(), failure.toJson().encode());
  }

  private TwitterFailureException unexpected(Throwable cause) {
    log.warn("{} failed unexpectedly", address, cause);
    return new TwitterFailureException(
        TwitterFailure.INTERNAL_ERROR, "The Twitter client failed unexpectedly on " + address);
  }
}
