package io.github.twitterlogin.shared.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.internal.util.ConcurrencyUtil;
import io.github.twitterlogin.shared.testing.ClusterMembers;
import io.github.twitterlogin.shared.testing.StartedThreads;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.AsyncMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Cluster map operations through vertx-hazelcast, as the gateway's sessions make them, on two
 * real members in this JVM. The shared module's tests run with the common pool's parallelism at
 * 1 (see its pom), as on a 2-core machine: Hazelcast then picks its thread-per-task executor on
 * any machine.
 */
class HazelcastAsyncExecutorTest {

  private static final int WARM_UP = 50;
  private static final int OPERATIONS = 200;
  private static final int KEYS = 50;
  private static final long DEADLINE_SECONDS = 120;

  private static ClusterMembers members;
  private static Executor hazelcastsOwn;

  @BeforeAll
  static void startMembers() throws Exception {
    members = ClusterMembers.startOnLoopback("async-executor", 2);
    hazelcastsOwn = HazelcastAsyncExecutor.replaced();
    assertThat(hazelcastsOwn)
        .as("Hazelcast's thread-per-task executor, replaced by ClusteredVertx.start; needs the common pool's"
            + " parallelism at 1 (it is %d)", ForkJoinPool.getCommonPoolParallelism())
        .isNotNull();
  }

  @AfterAll
  static void stopMembers() throws Exception {
    if (members != null) {
      members.close();
    }
  }

  @AfterEach
  void installAgain() {
    ConcurrencyUtil.setDefaultAsyncExecutor(hazelcastsOwn);
    HazelcastAsyncExecutor.install();
  }

  @Test
  void hazelcastsOwnExecutorStartsAThreadForEveryMapOperation() throws Exception {
    ConcurrencyUtil.setDefaultAsyncExecutor(hazelcastsOwn);

    assertThat(threadsStartedBy(OPERATIONS).count()).isGreaterThanOrEqualTo(OPERATIONS);
  }

  @Test
  void installedPoolStartsNoThreadPerMapOperation() throws Exception {
    ConcurrencyUtil.setDefaultAsyncExecutor(hazelcastsOwn);

    HazelcastAsyncExecutor.install();

    assertThat(HazelcastAsyncExecutor.isInstalled()).isTrue();
    StartedThreads started = threadsStartedBy(OPERATIONS);
    assertThat(started.count()).as("threads started, still alive: %s", started.stillAlive()).isLessThan(10);
  }

  @Test
  void clusteredVertxStartsHazelcastWithThePoolInstalled() throws Exception {
    ConcurrencyUtil.setDefaultAsyncExecutor(hazelcastsOwn);

    try (ClusterMembers member = ClusterMembers.startOnLoopback("async-executor-start", 1)) {
      assertThat(HazelcastAsyncExecutor.isInstalled()).isTrue();
    }
  }

  @Test
  void installingTwiceKeepsOnePool() {
    HazelcastAsyncExecutor.install();
    Executor installed = ConcurrencyUtil.getDefaultAsyncExecutor();

    HazelcastAsyncExecutor.install();

    assertThat(ConcurrencyUtil.getDefaultAsyncExecutor()).isSameAs(installed);
    assertThat(HazelcastAsyncExecutor.isInstalled()).isTrue();
  }

  @Test
  void anExecutorThatIsNotThreadPerTaskIsLeftAlone() {
    ConcurrencyUtil.setDefaultAsyncExecutor(ForkJoinPool.commonPool());

    HazelcastAsyncExecutor.install();

    assertThat(ConcurrencyUtil.getDefaultAsyncExecutor()).isSameAs(ForkJoinPool.commonPool());
  }

  /** Warms the executor up, then counts the threads started over {@code count} operations. */
  private static StartedThreads threadsStartedBy(int count) throws Exception {
    mapOperations(members.get(0), WARM_UP);
    StartedThreads started = StartedThreads.countFromNow();
    mapOperations(members.get(0), count);
    return started;
  }

  /** Puts and gets in turn, one after the other, on keys spread over both members' partitions. */
  private static void mapOperations(Vertx vertx, int count) throws Exception {
    Promise<Void> done = Promise.promise();
    vertx.getOrCreateContext().runOnContext(ignored -> vertx.sharedData()
        .<String, Integer>getClusterWideMap("async-executor-test")
        .compose(map -> operationsFrom(map, 0, count))
        .onComplete(done));
    done.future().await(DEADLINE_SECONDS, TimeUnit.SECONDS);
  }

  private static Future<Void> operationsFrom(AsyncMap<String, Integer> map, int index, int count) {
    if (index == count) {
      return Future.succeededFuture();
    }
    String key = "key-" + (index / 2) % KEYS;
    Future<?> operation = index % 2 == 0 ? map.put(key, index) : map.get(key);
    return operation.compose(ignored -> operationsFrom(map, index + 1, count));
  }
}
