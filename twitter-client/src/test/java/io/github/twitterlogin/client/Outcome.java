package io.github.twitterlogin.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.twitterlogin.shared.TwitterFailure;
import io.github.twitterlogin.shared.TwitterFailureException;
import io.vertx.core.Future;
import io.vertx.junit5.VertxTestContext;
import java.util.function.Consumer;

/** Completes a test when a future ends as expected and its checks pass, and fails it otherwise. */
final class Outcome {

  private Outcome() {
  }

  static <T> void succeeds(VertxTestContext testContext, Future<T> future, Consumer<T> checks) {
    future.onComplete(testContext.succeeding(result -> testContext.verify(() -> {
      checks.accept(result);
      testContext.completeNow();
    })));
  }

  static <T> void failsWith(VertxTestContext testContext, Future<T> future, TwitterFailure expected,
      Consumer<TwitterFailureException> checks) {
    future.onComplete(testContext.failing(cause -> testContext.verify(() -> {
      assertThat(cause).isInstanceOf(TwitterFailureException.class);
      TwitterFailureException failure = (TwitterFailureException) cause;
      assertThat(failure.failure()).as(failure.toString()).isEqualTo(expected);
      checks.accept(failure);
      testContext.completeNow();
    })));
  }
}
