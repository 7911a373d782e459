package io.github.twitterlogin.service.flow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The real time, shifted forward by the test: a part of the service sees time pass without a wait. */
final class ShiftedClock extends Clock {

  private volatile Duration shift = Duration.ZERO;

  void shift(Duration by) {
    shift = shift.plus(by);
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
    return Instant.now().plus(shift);
  }
}
