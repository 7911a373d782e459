package io.github.twitterlogin.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The real time plus an offset that tests move forward: clients sign with the real time, and
 * the sandbox sees time pass without anyone waiting for it.
 */
final class AdjustableClock extends Clock {

  private volatile Duration offset = Duration.ZERO;

  void advance(Duration duration) {
    offset = offset.plus(duration);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return Instant.now().plus(offset);
  }
}
