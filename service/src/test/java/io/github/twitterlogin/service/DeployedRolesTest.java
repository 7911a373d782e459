package io.github.twitterlogin.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class DeployedRolesTest {

  private final List<String> events = new CopyOnWriteArrayList<>();

  /** A role that takes a moment to stop, as a gateway draining its requests does. */
  private final class SlowToStop extends VerticleBase {

    private final String name;

    SlowToStop(String name) {
      this.name = name;
    }

    @Override
    public Future<?> stop() {
      events.add(name + " stopping");
      return vertx.timer(20).onSuccess(drained -> events.add(name + " stopped"));
    }
  }

  @Test
  void rolesStopOneAfterTheOtherNewestFirst(Vertx vertx) throws Exception {
    DeployedRoles roles = new DeployedRoles();
    for (String name : List.of("sandbox", "twitter-client", "gateway")) {
      roles.add(vertx.deployVerticle(new SlowToStop(name)).await(10, TimeUnit.SECONDS));
    }

    roles.undeployNewestFirst(vertx).await(10, TimeUnit.SECONDS);

    assertThat(events).containsExactly(
        "gateway stopping", "gateway stopped",
        "twitter-client stopping", "twitter-client stopped",
        "sandbox stopping", "sandbox stopped");
  }
}
