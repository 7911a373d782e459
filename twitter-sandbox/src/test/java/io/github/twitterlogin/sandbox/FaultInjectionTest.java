package io.github.twitterlogin.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.scribejava.core.model.OAuth1AccessToken;
import com.github.scribejava.core.model.OAuth1RequestToken;
import com.github.scribejava.core.model.OAuthRequest;
import com.github.scribejava.core.model.Response;
import com.github.scribejava.core.model.Verb;
import com.github.scribejava.core.oauth.OAuth10aService;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Faults set by config or at run time reach Twitter's endpoints, and only them. */
@ExtendWith(VertxExtension.class)
class FaultInjectionTest {

  @Test
  void latencyDelaysEveryAnswer(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, faults(new FaultSettings(300, 0, 0, 0)));
    long start = System.nanoTime();

    HttpResponse<Buffer> answer = sandbox.get("/2/users/me");

    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThanOrEqualTo(300);
    assertThat(answer.statusCode()).isEqualTo(401);
  }

  /** The body of a POST is read before the delay, so the delayed request still has its form. */
  @Test
  void latencyKeepsThePostedForm(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, faults(new FaultSettings(100, 0, 0, 0)));
    OAuth10aService scribe = sandbox.scribe();
    OAuth1RequestToken requestToken = scribe.getRequestToken();
    String verifier = SandboxFixture.verifierOf(sandbox.authorize(requestToken.getToken(), "1000000001"));
    OAuthRequest request = new OAuthRequest(Verb.POST, scribe.getApi().getAccessTokenEndpoint());
    request.addBodyParameter("oauth_verifier", verifier);
    scribe.signRequest(new OAuth1AccessToken(requestToken.getToken(), requestToken.getTokenSecret()), request);

    Response answer = scribe.execute(request);

    assertThat(answer.getCode()).isEqualTo(200);
    assertThat(answer.getBody()).contains("user_id=1000000001");
  }

  @Test
  void serverErrorShareOfOneFailsEveryCall(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, faults(new FaultSettings(0, 1, 0, 0)));

    HttpResponse<Buffer> answer = sandbox.get("/1.1/account/verify_credentials.json");

    assertThat(answer.statusCode()).isEqualTo(503);
    assertThat(answer.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0).getInteger("code")).isEqualTo(130);
  }

  @Test
  void rateLimitShareAnswers429WithItsReset(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, faults(new FaultSettings(0, 0, 1, 0)));

    HttpResponse<Buffer> answer = sandbox.get("/1.1/account/verify_credentials.json");

    assertThat(answer.statusCode()).isEqualTo(429);
    assertThat(Long.parseLong(answer.getHeader("x-rate-limit-reset")))
        .isGreaterThan(sandbox.clock.instant().getEpochSecond());
  }

  @Test
  void droppedConnectionGivesNoAnswer(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, faults(new FaultSettings(0, 0, 0, 1)));

    assertThatThrownBy(() -> sandbox.get("/oauth/request_token")).isInstanceOf(HttpClosedException.class);
  }

  @Test
  void faultsLeaveTheSandboxesOwnPagesAlone(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, faults(new FaultSettings(0, 1, 0, 0)));

    assertThat(sandbox.get("/sandbox/health").statusCode()).isEqualTo(200);
  }

  @Test
  void adminEndpointChangesFaultsAtRunTime(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());
    assertThat(sandbox.get("/1.1/account/verify_credentials.json").statusCode()).isEqualTo(400);

    HttpResponse<Buffer> changed = sandbox.browser.put(sandbox.sandbox.actualPort(), "127.0.0.1", "/sandbox/admin/faults")
        .sendJsonObject(new FaultSettings(0, 1, 0, 0).toJson()).await(20, TimeUnit.SECONDS);

    assertThat(changed.statusCode()).isEqualTo(200);
    assertThat(sandbox.get("/sandbox/admin/faults").bodyAsJsonObject().getDouble("serverErrorRate")).isEqualTo(1.0);
    assertThat(sandbox.get("/1.1/account/verify_credentials.json").statusCode()).isEqualTo(503);
  }

  @Test
  void adminEndpointRefusesInvalidFaults(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());

    HttpResponse<Buffer> refused = sandbox.browser.put(sandbox.sandbox.actualPort(), "127.0.0.1", "/sandbox/admin/faults")
        .sendJsonObject(new JsonObject().put("serverErrorRate", 2)).await(20, TimeUnit.SECONDS);

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(sandbox.get("/sandbox/admin/faults").bodyAsJsonObject()).isEqualTo(FaultSettings.NONE.toJson());
  }

  @Test
  void adminEndpointTakesOnlyJson(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());

    HttpResponse<Buffer> refused = sandbox.browser.put(sandbox.sandbox.actualPort(), "127.0.0.1", "/sandbox/admin/faults")
        .putHeader("Content-Type", "text/plain").sendBuffer(Buffer.buffer(new FaultSettings(0, 1, 0, 0).toJson().encode()))
        .await(20, TimeUnit.SECONDS);

    assertThat(refused.statusCode()).isEqualTo(415);
    assertThat(sandbox.get("/sandbox/admin/faults").bodyAsJsonObject()).isEqualTo(FaultSettings.NONE.toJson());
  }

  @Test
  void adminEndpointIsAbsentWhenDisabled(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject().put("adminEnabled", false));

    assertThat(sandbox.get("/sandbox/admin/faults").statusCode()).isEqualTo(404);
  }

  private static JsonObject faults(FaultSettings faults) {
    return new JsonObject().put("faults", faults.toJson());
  }
}
