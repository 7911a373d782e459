package io.github.twitterlogin.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.twitterlogin.shared.testing.TestClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class NonceMemoryTest {

  private final TestClock clock = TestClock.standingStill();

  @Test
  void aNonceIsUsedOncePerConsumerAndToken() {
    NonceMemory nonces = new NonceMemory(clock, Duration.ofMinutes(10), 10);

    assertThat(nonces.firstUse("consumer", "token", "n")).isTrue();
    assertThat(nonces.firstUse("consumer", "token", "n")).isFalse();
    assertThat(nonces.firstUse("consumer", "other-token", "n")).isTrue();
    assertThat(nonces.firstUse("other-consumer", "token", "n")).isTrue();
    assertThat(nonces.firstUse("consumer", null, "n")).isTrue();
  }

  @Test
  void memoryNeverHoldsMoreThanItsMaximumAndDropsTheOldest() {
    NonceMemory nonces = new NonceMemory(clock, Duration.ofMinutes(10), 3);
    for (int i = 0; i < 10; i++) {
      nonces.firstUse("consumer", null, "nonce-" + i);
    }

    assertThat(nonces.size()).isEqualTo(3);
    assertThat(nonces.firstUse("consumer", null, "nonce-9")).isFalse();
    assertThat(nonces.firstUse("consumer", null, "nonce-0")).isTrue();
  }

  @Test
  void aNonceIsRememberedThroughoutItsWindow() {
    NonceMemory nonces = NonceMemory.forClockSkew(clock, Duration.ofMinutes(5), 100);
    nonces.firstUse("consumer", null, "n");
    clock.advance(Duration.ofMinutes(9));

    assertThat(nonces.firstUse("consumer", null, "n")).isFalse();
  }

  @Test
  void noncesOlderThanTheWindowAreForgotten() {
    NonceMemory nonces = NonceMemory.forClockSkew(clock, Duration.ofMinutes(5), 100);
    nonces.firstUse("consumer", null, "old");
    clock.advance(Duration.ofMinutes(11));

    nonces.firstUse("consumer", null, "new");

    assertThat(nonces.size()).isEqualTo(1);
  }
}
