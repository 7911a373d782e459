package io.github.twitterlogin.shared.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Without a cluster, entries live in the process and expire as the cluster's do: unread for their idle time. */
@ExtendWith(VertxExtension.class)
class LocalClusterEntriesTest {

  private static final byte[] VALUE = {1, 2, 3};
  private final AtomicLong now = new AtomicLong(1_000_000);

  @Test
  void anEntryUnreadForItsTimeoutIsGone(Vertx vertx) {
    LocalClusterEntries entries = new LocalClusterEntries(vertx, "local-" + UUID.randomUUID(), now::get);
    entries.create("k", VALUE, 1_000);

    now.addAndGet(999);
    assertThat(entries.get("k").result()).isEqualTo(VALUE);
    now.addAndGet(999);
    assertThat(entries.get("k").result()).as("a read a moment ago kept it").isEqualTo(VALUE);
    now.addAndGet(1_000);
    assertThat(entries.get("k").result()).isNull();
    assertThat(entries.size().result()).isZero();
    entries.close();
  }

  @Test
  void gatewayInstancesOfOneProcessShareTheirSessions(Vertx vertx) {
    String name = "local-" + UUID.randomUUID();
    LocalClusterEntries first = new LocalClusterEntries(vertx, name, now::get);
    LocalClusterEntries second = new LocalClusterEntries(vertx, name, now::get);

    first.create("k", VALUE, 1_000);

    assertThat(second.compareAndSet("k", VALUE, new byte[] {4}).result()).isTrue();
    assertThat(first.compareAndSet("k", VALUE, new byte[] {5}).result()).isFalse();
    assertThat(first.get("k").result()).containsExactly(4);
    assertThat(second.compareAndSet("absent", null, VALUE).result()).as("created where nothing was").isTrue();
    assertThat(first.compareAndSet("absent", null, VALUE).result()).as("no longer absent").isFalse();
    assertThat(first.compareAndSet("absent", VALUE, null).result()).as("removed").isTrue();
    assertThat(first.get("absent").result()).isNull();
    first.close();
    second.close();
  }
}
