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

/** Requests the sandbox has no route for get Twitter's JSON errors, and its pages a page: never a trace. */
@ExtendWith(VertxExtension.class)
class ErrorAnswersTest {

  @Test
  void unknownPathIsAnsweredAsTwitterDoes(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());

    HttpResponse<Buffer> answer = sandbox.get("/1.1/statuses/home_timeline.json");

    assertThat(answer.statusCode()).isEqualTo(404);
    assertThat(answer.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0).getInteger("code")).isEqualTo(34);
  }

  @Test
  void wrongMethodIsAnsweredWithJson(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());

    HttpResponse<Buffer> answer = sandbox.browser.delete(sandbox.sandbox.actualPort(), "127.0.0.1", "/oauth/request_token")
        .send().await(20, TimeUnit.SECONDS);

    assertThat(answer.statusCode()).isEqualTo(405);
    assertThat(answer.getHeader("Content-Type")).startsWith("application/json");
    assertThat(answer.bodyAsJsonObject().getJsonArray("errors")).hasSize(1);
  }

  @Test
  void invalidConsentLinkIsAPageWithoutDetails(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());

    HttpResponse<Buffer> answer = sandbox.get("/oauth/authorize?oauth_token=%3Cscript%3E");

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.getHeader("Content-Type")).startsWith("text/html");
    assertThat(answer.bodyAsString()).contains("invalid or has expired", "not Twitter")
        .doesNotContain("<script>", "Exception", "at io.");
  }
}
