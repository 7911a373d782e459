package io.github.twitterlogin.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class NonceMemoryTest {

  private final MovableClock clock = new MovableClock();

  @Test
  void aNonceIsUsedOncePerConsumerTokenAndTimestamp() {
    NonceMemory nonces = new NonceMemory(clock, Duration.ofMinutes(5), 10);

    assertThat(nonces.firstUse("consumer", "token", "100", "n")).isTrue();
    assertThat(nonces.firstUse("consumer", "token", "100", "n")).isFalse();
    assertThat(nonces.firstUse("consumer", "other-token", "100", "n")).isTrue();
    assertThat(nonces.firstUse("other-consumer", "token", "100", "n")).isTrue();
  }

  @Test
  void memoryNeverHoldsMoreThanItsMaximum() {
    NonceMemory nonces = new NonceMemory(clock, Duration.ofMinutes(5), 3);
    for (int i = 0; i < 10; i++) {
      nonces.firstUse("consumer", null, "100", "nonce-" + i);
    }

    assertThat(nonces.size()).isEqualTo(3);
    assertThat(nonces.firstUse("consumer", null, "100", "nonce-9")).isFalse();
  }

  @Test
  void noncesOlderThanTheTimestampWindowAreForgotten() {
    NonceMemory nonces = new NonceMemory(clock, Duration.ofMinutes(5), 100);
    nonces.firstUse("consumer", null, "100", "old");
    clock.now = clock.now.plus(Duration.ofMinutes(11));

    nonces.firstUse("consumer", null, "200", "new");

    assertThat(nonces.size()).isEqualTo(1);
  }

  private static final class MovableClock extends Clock {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

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
      return now;
    }
  }
}
