package io.github.twitterlogin.shared.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.twitterlogin.shared.testing.LoopbackPorts;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Event-bus TLS on a real cluster: members holding a certificate of the cluster's CA talk, a
 * member with another certificate or without TLS cannot reach them.
 */
class EventBusTlsTest {

  private static final String ADDRESS = "test.tls.echo";
  private static final DeliveryOptions SHORT_TIMEOUT = new DeliveryOptions().setSendTimeout(5_000);
  private static final List<Vertx> NODES = new ArrayList<>();

  private static Vertx receiver;
  private static Vertx member;
  private static Vertx intruder;
  private static Vertx plaintext;

  @BeforeAll
  static void startCluster() throws Exception {
    String name = "tls-test-" + UUID.randomUUID();
    List<Integer> ports = LoopbackPorts.distinct(4);
    EventBusTls memberTls = tls("member-key.pem", "member.pem");
    EventBusTls intruderTls = tls("intruder-key.pem", "intruder.pem");
    List<Vertx> started = Future.all(List.of(
            ClusteredVertx.start(ClusterSettings.loopback(name, ports.get(0), ports).withEventBusTls(memberTls)),
            ClusteredVertx.start(ClusterSettings.loopback(name, ports.get(1), ports).withEventBusTls(memberTls)),
            ClusteredVertx.start(ClusterSettings.loopback(name, ports.get(2), ports).withEventBusTls(intruderTls)),
            ClusteredVertx.start(ClusterSettings.loopback(name, ports.get(3), ports))))
        .await(120, TimeUnit.SECONDS).list();
    NODES.addAll(started);
    receiver = started.get(0);
    member = started.get(1);
    intruder = started.get(2);
    plaintext = started.get(3);
    receiver.eventBus().<String>consumer(ADDRESS, message -> message.reply("echo " + message.body()))
        .completion().await(30, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stopCluster() throws Exception {
    Future.join(NODES.stream().map(Vertx::close).toList()).await(60, TimeUnit.SECONDS);
  }

  @Test
  void membersWithTheClustersCertificatesTalk() throws Exception {
    String reply = member.eventBus().<String>request(ADDRESS, "hello", SHORT_TIMEOUT)
        .await(30, TimeUnit.SECONDS).body();

    assertThat(reply).isEqualTo("echo hello");
  }

  @Test
  void memberWithAForeignCertificateIsNotHeard() {
    assertThatThrownBy(() -> intruder.eventBus().request(ADDRESS, "hello", SHORT_TIMEOUT).await(30, TimeUnit.SECONDS))
        .isInstanceOf(ReplyException.class);
  }

  @Test
  void memberWithoutTlsIsNotHeard() {
    assertThatThrownBy(() -> plaintext.eventBus().request(ADDRESS, "hello", SHORT_TIMEOUT).await(30, TimeUnit.SECONDS))
        .isInstanceOf(ReplyException.class);
  }

  private static EventBusTls tls(String key, String cert) throws URISyntaxException {
    return new EventBusTls(resource(key), resource(cert), resource("ca.pem"));
  }

  private static String resource(String name) throws URISyntaxException {
    Path path = Paths.get(EventBusTlsTest.class.getResource("/tls/" + name).toURI());
    return path.toString();
  }
}
