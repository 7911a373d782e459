package io.github.twitterlogin.shared.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.config.Config;
import com.hazelcast.config.MapConfig;
import io.github.twitterlogin.shared.settings.Environment;
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

  private static Config configFrom(Map<String, String> variables) {
    return HazelcastClusterConfig.create(ClusterSettings.fromEnvironment(new Environment(variables)));
  }
}
