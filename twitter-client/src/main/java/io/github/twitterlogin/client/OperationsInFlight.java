package io.github.twitterlogin.client;

import io.vertx.core.Future;
import io.vertx.core.Promise;

/**
 * The operations a Twitter client verticle has started and not yet answered, so that it stops
 * only once they are. Used on the verticle's event loop only, where its handlers, their
 * callbacks and its {@code stop()} all run.
 */
final class OperationsInFlight {

  private int count;
  private Promise<Void> drained;

  /** Counts {@code operation} until it completes; returns it. */
  <T> Future<T> track(Future<T> operation) {
    count++;
    return operation.onComplete(done -> {
      count--;
      if (count == 0 && drained != null) {
        drained.complete();
      }
    });
  }

  /** Completes once no operation is in flight. */
  Future<Void> drained() {
    if (count == 0) {
      return Future.succeededFuture();
    }
    if (drained == null) {
      drained = Promise.promise();
    }
    return drained.future();
  }
}
