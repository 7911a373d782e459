package io.github.twitterlogin.benchmark;

import java.util.Arrays;

/**
 * Exact percentiles of a window's samples by the nearest-rank method: the p-th percentile is the
 * smallest sample with at least p % of the samples at or below it. A window holds at most some
 * hundred thousand logins, so every sample is kept and sorted; no histogram rounds them.
 */
final class Percentiles {

  private final long[] sorted;

  private Percentiles(long[] sorted) {
    this.sorted = sorted;
  }

  static Percentiles of(long[] samples) {
    long[] sorted = samples.clone();
    Arrays.sort(sorted);
    return new Percentiles(sorted);
  }

  int count() {
    return sorted.length;
  }

  /** @param percent above 0, at most 100 */
  long at(double percent) {
    if (!(percent > 0 && percent <= 100)) {
      throw new IllegalArgumentException("A percentile is above 0 and at most 100, not " + percent);
    }
    if (sorted.length == 0) {
      throw new IllegalStateException("No samples");
    }
    int rank = (int) Math.ceil(percent / 100 * sorted.length);
    return sorted[Math.max(rank, 1) - 1];
  }
}
