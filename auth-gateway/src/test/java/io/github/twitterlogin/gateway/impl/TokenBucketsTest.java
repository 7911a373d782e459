package io.github.twitterlogin.gateway.impl;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.twitterlogin.shared.testing.TestClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TokenBucketsTest {

  /** An attacker with more addresses than the buckets kept grows nothing: the least recently used make room. */
  @Test
  void noMoreBucketsThanTheLimitAreKept() {
    TokenBuckets buckets = new TokenBuckets(30, 1_000, TestClock.standingStill());

    for (int i = 0; i < 50_000; i++) {
      String address = "198.51." + (i / 256) + "." + (i % 256);
      buckets.take(address);
    }

    assertThat(buckets.size()).isEqualTo(1_000);
  }

  @Test
  void theBucketUsedMostRecentlyIsKept() {
    TestClock clock = TestClock.standingStill();
    TokenBuckets buckets = new TokenBuckets(1, 2, clock);
    buckets.take("busy");
    buckets.take("a");
    assertThat(buckets.hasToken("busy")).isFalse();

    buckets.take("b");

    assertThat(buckets.hasToken("busy")).as("still empty: kept, as the one used last but one").isFalse();
  }

  @Test
  void aBucketRefillsAtTheRateAndNoFurtherThanItsCapacity() {
    TestClock clock = TestClock.standingStill();
    TokenBuckets buckets = new TokenBuckets(2, 10, clock);
    buckets.take("a");
    buckets.take("a");
    assertThat(buckets.hasToken("a")).isFalse();
    assertThat(buckets.waitSeconds("a")).isEqualTo(30);

    clock.advance(Duration.ofMinutes(5));
    buckets.take("a");
    buckets.take("a");

    assertThat(buckets.hasToken("a")).isFalse();
  }
}
