package io.github.twitterlogin.service.process;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Requests that a stand-in received and holds, unanswered, until the test answers them: the
 * test decides when a request in flight ends.
 *
 * @param <T> an event-bus message or an HTTP request
 */
public final class HeldRequests<T> {

  private final BlockingQueue<T> held = new LinkedBlockingQueue<>();

  public void hold(T request) {
    held.add(request);
  }

  /** How many are held and not yet taken. */
  public int count() {
    return held.size();
  }

  /** The next request received, waiting for it up to the deadline. */
  public T next(Duration deadline) {
    try {
      T request = held.poll(deadline.toMillis(), TimeUnit.MILLISECONDS);
      if (request == null) {
        throw new AssertionError("No request received within " + deadline.toSeconds() + " s");
      }
      return request;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("Interrupted while waiting for a request", e);
    }
  }
}
