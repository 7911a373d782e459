package io.github.twitterlogin.shared.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.config.Config;
import com.hazelcast.config.MapConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.github.twitterlogin.shared.settings.Environment;
import io.github.twitterlogin.shared.testing.ClusterMembers;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HazelcastClusterConfigTest {

  @Test
  void aShortHeartbeatTimeoutHasSeveralHeartbeatsInIt() {
    Config config = configFrom(Map.of("CLUSTER_HEARTBEAT_TIMEOUT_SECONDS", "5"));

    assertThat(config.getProperty("hazelcast.max.no.heartbeat.seconds")).isEqualTo("5");
    assertThat(config.getProperty("hazelcast.heartbeat.interval.seconds")).isEqualTo("1");
  }

  @Test
  void theDefaultTimeoutKeepsHazelcastsHeartbeatInterval() {
    Config config = configFrom(Map.of());

    assertThat(config.getProperty("hazelcast.max.no.heartbeat.seconds")).isEqualTo("60");
    assertThat(config.getProperty("hazelcast.heartbeat.interval.seconds")).isEqualTo("5");
  }

  @Test
  void everySessionHasASynchronousBackupOnAnotherMember() {
    MapConfig sessions = configFrom(Map.of()).getMapConfig(ClusterSettings.SESSION_MAP_NAME);

    assertThat(sessions.getBackupCount()).isEqualTo(1);
    assertThat(sessions.getAsyncBackupCount()).isZero();
  }

  @Test
  void everyKeptUserTokenHasTheSessionsBackups() {
    MapConfig tokens = configFrom(Map.of("SESSION_BACKUP_COUNT", "2")).getMapConfig(ClusterSettings.USER_TOKEN_MAP_NAME);

    assertThat(tokens.getBackupCount()).isEqualTo(2);
    assertThat(tokens.getAsyncBackupCount()).isZero();
  }

  @Test
  void onTwoCoresHazelcastHasOneThreadOfEachKindAndAnswersOnItsIoThread() {
    Config config = new Config();

    HazelcastClusterConfig.sizeThreads(config, 2, name -> null);

    assertThat(config.getProperty(HazelcastClusterConfig.PARTITION_THREADS)).isEqualTo("1");
    assertThat(config.getProperty(HazelcastClusterConfig.IO_THREADS)).isEqualTo("1");
    assertThat(config.getProperty(HazelcastClusterConfig.RESPONSE_THREADS)).isEqualTo("0");
  }

  @Test
  void withOnePartitionThreadExpiredEntriesAreSweptAsOftenAsWithHazelcastsTwo() {
    Config config = new Config();

    HazelcastClusterConfig.sizeThreads(config, 2, name -> null);

    assertThat(config.getProperty(HazelcastClusterConfig.EXPIRY_OPERATIONS)).isEqualTo("6");
    Config chosen = new Config().setProperty(HazelcastClusterConfig.EXPIRY_OPERATIONS, "27");
    HazelcastClusterConfig.sizeThreads(chosen, 1, name -> null);
    assertThat(chosen.getProperty(HazelcastClusterConfig.EXPIRY_OPERATIONS)).isEqualTo("27");
  }

  @Test
  void onMoreCoresHazelcastKeepsItsOwnThreadCounts() {
    Config config = new Config();

    HazelcastClusterConfig.sizeThreads(config, 4, name -> null);

    assertThat(config.getProperties()).isEmpty();
  }

  @Test
  void aThreadCountSetAsSystemPropertyOrInTheConfigurationWins() {
    Config config = new Config().setProperty(HazelcastClusterConfig.PARTITION_THREADS, "2");

    HazelcastClusterConfig.sizeThreads(config, 2,
        name -> name.equals(HazelcastClusterConfig.IO_THREADS) ? "3" : null);

    assertThat(config.getProperty(HazelcastClusterConfig.PARTITION_THREADS)).isEqualTo("2");
    // Left unset, so that Hazelcast reads the system property.
    assertThat(config.getProperty(HazelcastClusterConfig.IO_THREADS)).isNull();
    assertThat(config.getProperty(HazelcastClusterConfig.RESPONSE_THREADS)).isEqualTo("0");
  }

  @Test
  void aMemberOnTwoCoresStartsOnlyTheThreadsItIsGiven() {
    Config config = HazelcastClusterConfig.create(ClusterMembers.loopback(ClusterMembers.uniqueName("threads"), List.of()));
    HazelcastClusterConfig.sizeThreads(config, 2, name -> null);
    HazelcastInstance member = Hazelcast.newHazelcastInstance(config);
    try {
      String prefix = "hz." + member.getName() + ".";

      assertThat(threadsNamed(prefix + "partition-operation.thread-")).isEqualTo(1);
      assertThat(threadsNamed(prefix + "IO.thread-in-")).isEqualTo(1);
      assertThat(threadsNamed(prefix + "IO.thread-out-")).isEqualTo(1);
      assertThat(threadsNamed(prefix + "response-")).isZero();
      // A map operation is answered all the same.
      member.getMap(ClusterSettings.SESSION_MAP_NAME).set("id", "value");
      assertThat(member.getMap(ClusterSettings.SESSION_MAP_NAME).get("id")).isEqualTo("value");
    } finally {
      member.shutdown();
    }
  }

  private static long threadsNamed(String prefix) {
    return Thread.getAllStackTraces().keySet().stream().filter(thread -> thread.getName().startsWith(prefix)).count();
  }

  private static Config configFrom(Map<String, String> variables) {
    return HazelcastClusterConfig.create(ClusterSettings.fromEnvironment(new Environment(variables)));
  }
}
