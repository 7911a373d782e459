package io.github.twitterlogin.shared.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.twitterlogin.shared.testing.ClusterMembers;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.spi.cluster.ClusterManager;
import io.vertx.core.spi.cluster.RegistrationInfo;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Event-bus TLS on a real cluster: members holding a certificate of the cluster's CA talk, a
 * member with another certificate or without TLS cannot reach them. Each refusal is shown to be
 * the TLS refusal itself: the sender sees the consumer registered (so "no handlers" is not the
 * cause), its message never reaches the consumer, and its request times out rather than failing
 * for want of a handler.
 */
class EventBusTlsTest {

  private static final String ADDRESS = "test.tls.echo";
  private static final DeliveryOptions SHORT_TIMEOUT = new DeliveryOptions().setSendTimeout(3_000);
  private static final List<Vertx> NODES = new ArrayList<>();
  private static final AtomicInteger received = new AtomicInteger();

  private static Vertx receiver;
  private static Vertx member;
  private static Vertx intruder;
  private static Vertx intruderOnTls12;
  private static Vertx plaintext;

  @BeforeAll
  static void startCluster() throws Exception {
    String name = ClusterMembers.uniqueName("tls-test");
    EventBusTls memberTls = tls("member-key.pem", "member.pem");
    EventBusTls intruderTls = tls("intruder-key.pem", "intruder.pem");
    receiver = ClusteredVertx.start(ClusterMembers.loopback(name, List.of()).withEventBusTls(memberTls))
        .await(120, TimeUnit.SECONDS);
    NODES.add(receiver);
    List<String> seed = List.of(ClusterMembers.hazelcastAddress(receiver));
    List<Vertx> started = Future.all(List.of(
            ClusteredVertx.start(ClusterMembers.loopback(name, seed).withEventBusTls(memberTls)),
            ClusteredVertx.start(ClusterMembers.loopback(name, seed).withEventBusTls(intruderTls)),
            ClusteredVertx.start(ClusterMembers.loopback(name, seed).withEventBusTls(intruderTls), tls12Only()),
            ClusteredVertx.start(ClusterMembers.loopback(name, seed))))
        .await(120, TimeUnit.SECONDS).list();
    NODES.addAll(started);
    member = started.get(0);
    intruder = started.get(1);
    intruderOnTls12 = started.get(2);
    plaintext = started.get(3);
    receiver.eventBus().<String>consumer(ADDRESS, message -> {
      received.incrementAndGet();
      message.reply("echo " + message.body());
    }).completion().await(30, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stopCluster() throws Exception {
    ClusterMembers.closeInTurn(NODES).await(120, TimeUnit.SECONDS);
  }

  @BeforeEach
  void nothingReceivedYet() {
    received.set(0);
  }

  @Test
  void membersWithTheClustersCertificatesTalk() throws Exception {
    String reply = member.eventBus().<String>request(ADDRESS, "hello", SHORT_TIMEOUT)
        .await(30, TimeUnit.SECONDS).body();

    assertThat(reply).isEqualTo("echo hello");
    assertThat(received).hasValue(1);
  }

  @Test
  void memberWithAForeignCertificateIsNotHeard() throws Exception {
    assertThat(registeredNodes(intruder)).as("the consumer, as the intruder sees it").contains(nodeId(receiver));

    assertTimesOutUnheard(intruder);
  }

  /**
   * In TLS 1.3 the server judges the client's certificate after the client has finished its
   * handshake, so the default intruder's write seems to succeed before the connection is closed.
   * In TLS 1.2 the server's refusal ends the handshake itself, and the sender sees it.
   */
  @Test
  void foreignCertificateIsRefusedInTheTlsHandshake() throws Exception {
    assertThat(registeredNodes(intruderOnTls12)).as("the consumer, as the intruder sees it")
        .contains(nodeId(receiver));

    assertThatThrownBy(() -> intruderOnTls12.eventBus().sender(ADDRESS).write("hello").await(30, TimeUnit.SECONDS))
        .as("writing to the receiver's event bus")
        .isInstanceOf(SSLHandshakeException.class);
    assertTimesOutUnheard(intruderOnTls12);
  }

  @Test
  void memberWithoutTlsIsNotHeard() throws Exception {
    assertThat(registeredNodes(plaintext)).as("the consumer, as the plaintext member sees it")
        .contains(nodeId(receiver));

    assertTimesOutUnheard(plaintext);
  }

  /** The request is sent to a registered consumer, so it fails by timing out, never for want of a handler. */
  private static void assertTimesOutUnheard(Vertx sender) {
    assertThatThrownBy(() -> sender.eventBus().request(ADDRESS, "hello", SHORT_TIMEOUT).await(30, TimeUnit.SECONDS))
        .isInstanceOfSatisfying(ReplyException.class,
            failure -> assertThat(failure.failureType()).as(failure.getMessage()).isEqualTo(ReplyFailure.TIMEOUT));
    assertThat(received).as("messages that reached the consumer").hasValue(0);
  }

  private static List<String> registeredNodes(Vertx node) throws Exception {
    Promise<List<RegistrationInfo>> registrations = Promise.promise();
    clusterManager(node).getRegistrations(ADDRESS, registrations);
    return registrations.future().await(30, TimeUnit.SECONDS).stream().map(RegistrationInfo::nodeId).toList();
  }

  private static String nodeId(Vertx node) {
    return clusterManager(node).getNodeId();
  }

  /** The cluster manager is not public API; it is where a member reads who consumes an address. */
  private static ClusterManager clusterManager(Vertx node) {
    return ((VertxInternal) node).clusterManager();
  }

  private static VertxOptions tls12Only() {
    VertxOptions options = new VertxOptions();
    options.getEventBusOptions().setEnabledSecureTransportProtocols(Set.of("TLSv1.2"));
    return options;
  }

  private static EventBusTls tls(String key, String cert) throws URISyntaxException {
    return new EventBusTls(resource(key), resource(cert), resource("ca.pem"));
  }

  private static String resource(String name) throws URISyntaxException {
    Path path = Paths.get(EventBusTlsTest.class.getResource("/tls/" + name).toURI());
    return path.toString();
  }
}
