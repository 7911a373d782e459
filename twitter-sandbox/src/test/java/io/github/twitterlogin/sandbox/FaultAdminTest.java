package io.github.twitterlogin.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code /sandbox/admin/faults} refuses what it cannot take with a message that names the field
 * in plain words, and serves only requests addressed to a loopback name (DNS rebinding).
 */
@ExtendWith(VertxExtension.class)
class FaultAdminTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"latencyMillis\": null}",
      "{\"latencyMillis\": 1.5}",
      "{\"latencyMillis\": \"100\"}",
      "{\"serverErrorRate\": \"half\"}",
      "{\"dropRate\": null}",
      "{\"rateLimitRate\": true}",
      "{\"latency\": 100}"})
  void invalidFieldIsRefusedByNameInPlainWords(String body, Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());
    String field = body.replaceAll("^\\{\"([^\"]+)\".*$", "$1");

    HttpResponse<Buffer> refused = put(sandbox, body, null);

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.bodyAsJsonObject().getString("error")).contains(field)
        .doesNotContain("java.", "io.vertx", "com.fasterxml", "Exception", "Integer", "Double", "Long", "Boolean",
            "String", "class");
    assertThat(sandbox.get("/sandbox/admin/faults").bodyAsJsonObject()).isEqualTo(FaultSettings.NONE.toJson());
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"latencyMillis\": ", "[1, 2]", "\"faults\"", "latencyMillis=5"})
  void bodyThatIsNoJsonObjectIsRefusedInPlainWords(String body, Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());

    HttpResponse<Buffer> refused = put(sandbox, body, null);

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.bodyAsJsonObject().getString("error")).isEqualTo("invalid fault settings: the body is not a"
        + " JSON object");
  }

  @Test
  void missingFieldsAreZero(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());

    HttpResponse<Buffer> changed = put(sandbox, "{\"latencyMillis\": 5}", null);

    assertThat(changed.statusCode()).isEqualTo(200);
    assertThat(changed.bodyAsJsonObject()).isEqualTo(new FaultSettings(5, 0, 0, 0).toJson());
  }

  @ParameterizedTest
  @ValueSource(strings = {"evil.example", "evil.example:8900", "127.0.0.1.evil.example", "localhost.evil.example:80",
      "10.0.0.1:8900", "[::2]:8900"})
  void foreignHostIsForbiddenAndChangesNothing(String host, Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());

    HttpResponse<Buffer> put = put(sandbox, new FaultSettings(0, 1, 0, 0).toJson().encode(), host);
    HttpResponse<Buffer> get = sandbox.browser.get(sandbox.sandbox.actualPort(), "127.0.0.1", "/sandbox/admin/faults")
        .putHeader("Host", host).send().await(20, TimeUnit.SECONDS);

    assertThat(put.statusCode()).isEqualTo(403);
    assertThat(get.statusCode()).isEqualTo(403);
    assertThat(put.bodyAsJsonObject().getString("error")).contains("127.0.0.1");
    assertThat(sandbox.get("/sandbox/admin/faults").bodyAsJsonObject()).isEqualTo(FaultSettings.NONE.toJson());
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "127.0.0.1:8900", "localhost", "LOCALHOST:8900", "[::1]", "[::1]:8900"})
  void loopbackHostIsServed(String host, Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());

    HttpResponse<Buffer> changed = put(sandbox, new FaultSettings(7, 0, 0, 0).toJson().encode(), host);

    assertThat(changed.statusCode()).isEqualTo(200);
    assertThat(sandbox.get("/sandbox/admin/faults").bodyAsJsonObject().getLong("latencyMillis")).isEqualTo(7);
  }

  /** Host values the HTTP server refuses itself (400) before the admin sees them are refused here too. */
  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1:8900@evil.example", "[::1].evil.example", "localhost:8900:80", "localhost:",
      "localhost:port", ""})
  void malformedHostIsNotLoopback(String host) {
    assertThat(FaultAdmin.isLoopbackHost(host)).isFalse();
  }

  private static HttpResponse<Buffer> put(SandboxFixture sandbox, String body, String host) throws Exception {
    var request = sandbox.browser.put(sandbox.sandbox.actualPort(), "127.0.0.1", "/sandbox/admin/faults")
        .putHeader("Content-Type", "application/json");
    if (host != null) {
      request.putHeader("Host", host);
    }
    return request.sendBuffer(Buffer.buffer(body)).await(20, TimeUnit.SECONDS);
  }
}
