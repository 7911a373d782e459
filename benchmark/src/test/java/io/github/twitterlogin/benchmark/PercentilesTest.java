package io.github.twitterlogin.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {

  @Test
  void aPercentileIsTheSmallestSampleWithThatShareAtOrBelowIt() {
    Percentiles oneToHundred = Percentiles.of(LongStream.rangeClosed(1, 100).toArray());

    assertThat(oneToHundred.at(50)).isEqualTo(50);
    assertThat(oneToHundred.at(90)).isEqualTo(90);
    assertThat(oneToHundred.at(99)).isEqualTo(99);
    assertThat(oneToHundred.at(100)).isEqualTo(100);
    assertThat(oneToHundred.at(0.5)).isEqualTo(1);
  }

  @Test
  void samplesNeedNotComeSorted() {
    Percentiles shuffled = Percentiles.of(new long[] {70, 10, 40, 100, 20, 90, 30, 60, 50, 80});

    assertThat(shuffled.at(50)).isEqualTo(50);
    assertThat(shuffled.at(90)).isEqualTo(90);
    // Ten samples: the p99 is the slowest, not an interpolation between the last two.
    assertThat(shuffled.at(99)).isEqualTo(100);
  }

  @Test
  void oneSampleIsEveryPercentile() {
    Percentiles one = Percentiles.of(new long[] {7});

    assertThat(one.at(1)).isEqualTo(7);
    assertThat(one.at(99)).isEqualTo(7);
  }

  @Test
  void theSamplesGivenAreNotReordered() {
    long[] samples = {3, 1, 2};

    Percentiles.of(samples);

    assertThat(samples).containsExactly(3, 1, 2);
  }

  @Test
  void aPercentileOutsideZeroToHundredIsRefused() {
    Percentiles some = Percentiles.of(new long[] {1, 2});

    assertThatThrownBy(() -> some.at(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> some.at(100.5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> some.at(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void noSamplesHaveNoPercentile() {
    Percentiles none = Percentiles.of(new long[0]);

    assertThat(none.count()).isZero();
    assertThatThrownBy(() -> none.at(50)).isInstanceOf(IllegalStateException.class);
  }
}
