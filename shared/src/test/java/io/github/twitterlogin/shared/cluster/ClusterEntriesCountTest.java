package io.github.twitterlogin.shared.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.query.Predicate;
import io.github.twitterlogin.shared.testing.ClusterMembers;
import io.vertx.core.Vertx;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Counting entries in the cluster, each tested on the member that holds it, without touching any. */
class ClusterEntriesCountTest {

  private static final long DEADLINE_SECONDS = 30;

  private static ClusterMembers cluster;

  /** A value whose first four bytes are a positive number, as a sealed session that holds a sign-in starts. */
  static final class StartsPositive implements Predicate<String, byte[]> {
    private static final long serialVersionUID = 1L;

    @Override
    public boolean apply(Map.Entry<String, byte[]> entry) {
      return ByteBuffer.wrap(entry.getValue()).getInt(0) > 0;
    }
  }

  @BeforeAll
  static void startCluster() throws Exception {
    cluster = ClusterMembers.startOnLoopback("entries-count", 2);
  }

  @AfterAll
  static void closeCluster() throws Exception {
    cluster.close();
  }

  @Test
  void theEntriesOfBothMembersAreCounted() throws Exception {
    String map = "count-" + UUID.randomUUID();
    ClusterEntries written = ClusterEntries.create(cluster.get(0), map);
    for (int i = 0; i < 40; i++) {
      written.create("key-" + i, ByteBuffer.allocate(8).putInt(i % 4 == 0 ? 7 : 0).array(), 0)
          .await(DEADLINE_SECONDS, TimeUnit.SECONDS);
    }

    long counted = ClusterEntries.create(cluster.get(1), map).count(new StartsPositive())
        .await(DEADLINE_SECONDS, TimeUnit.SECONDS);

    assertThat(counted).isEqualTo(10);
  }

  /** Counted again and again, an entry left unread still expires: a count is not a read. */
  @Test
  void countingDoesNotKeepAnEntryFromExpiring() throws Exception {
    Vertx member = cluster.get(0);
    ClusterEntries entries = ClusterEntries.create(member, "count-" + UUID.randomUUID());
    entries.create("idle", ByteBuffer.allocate(4).putInt(1).array(), 3_000).await(DEADLINE_SECONDS, TimeUnit.SECONDS);

    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEADLINE_SECONDS);
    long counted;
    do {
      counted = entries.count(new StartsPositive()).await(DEADLINE_SECONDS, TimeUnit.SECONDS);
    } while (counted > 0 && System.nanoTime() < end);

    assertThat(counted).as("the entry expired while it was being counted").isZero();
  }

  @Test
  void aLocalMapCountsToo() throws Exception {
    Vertx local = Vertx.vertx();
    try {
      ClusterEntries entries = ClusterEntries.create(local, "count-local");
      entries.create("a", ByteBuffer.allocate(4).putInt(3).array(), 0).await(DEADLINE_SECONDS, TimeUnit.SECONDS);
      entries.create("b", ByteBuffer.allocate(4).putInt(0).array(), 0).await(DEADLINE_SECONDS, TimeUnit.SECONDS);

      assertThat(entries.count(new StartsPositive()).await(DEADLINE_SECONDS, TimeUnit.SECONDS)).isEqualTo(1);
    } finally {
      local.close().await(DEADLINE_SECONDS, TimeUnit.SECONDS);
    }
  }
}
