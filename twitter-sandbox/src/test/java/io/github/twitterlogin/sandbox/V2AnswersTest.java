package io.github.twitterlogin.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.scribejava.core.model.OAuth1AccessToken;
import com.github.scribejava.core.model.Response;
import com.github.scribejava.core.oauth.OAuth10aService;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code GET /2/users/me} as X's v2 answers: the fields asked for, and refusals as problem documents. */
@ExtendWith(VertxExtension.class)
class V2AnswersTest {

  private static final JsonObject UNAUTHORIZED = new JsonObject()
      .put("title", "Unauthorized").put("detail", "Unauthorized").put("type", "about:blank").put("status", 401);

  @Test
  void usersMeGivesIdNameAndUsernameOnly(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());
    OAuth10aService scribe = sandbox.scribe();

    Response me = sandbox.signedGet(scribe, sandbox.signIn(scribe), "/2/users/me");

    assertThat(new JsonObject(me.getBody())).isEqualTo(new JsonObject().put("data", new JsonObject()
        .put("id", "1000000001").put("name", "Ada Lovelace").put("username", "ada")));
  }

  @Test
  void usersMeAddsTheFieldsAskedForAndNoOthers(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());
    OAuth10aService scribe = sandbox.scribe();

    Response me = sandbox.signedGet(scribe, sandbox.signIn(scribe),
        "/2/users/me?user.fields=profile_image_url,verified,created_at,description");

    JsonObject data = new JsonObject(me.getBody()).getJsonObject("data");
    assertThat(data.fieldNames()).containsExactlyInAnyOrder("id", "name", "username", "profile_image_url", "verified",
        "created_at", "description");
    assertThat(data.getString("profile_image_url")).isEqualTo(sandbox.baseUrl() + "/sandbox/avatars/1000000001.svg");
    assertThat(data.getBoolean("verified")).isFalse();
    assertThat(data.getString("created_at")).isEqualTo("2020-01-01T00:00:00.000Z");
    assertThat(data.getString("description")).contains("sandbox");
  }

  @Test
  void usersMeWithOneFieldGivesThatOne(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());
    OAuth10aService scribe = sandbox.scribe();

    Response me = sandbox.signedGet(scribe, sandbox.signIn(scribe), "/2/users/me?user.fields=verified");

    assertThat(new JsonObject(me.getBody()).getJsonObject("data").fieldNames())
        .containsExactlyInAnyOrder("id", "name", "username", "verified");
  }

  @Test
  void unknownUserFieldIsAnInvalidRequest(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());
    OAuth10aService scribe = sandbox.scribe();

    Response answer = sandbox.signedGet(scribe, sandbox.signIn(scribe), "/2/users/me?user.fields=verified,shoe_size");

    assertThat(answer.getCode()).isEqualTo(400);
    assertThat(answer.getHeader("Content-Type")).startsWith("application/problem+json");
    JsonObject problem = new JsonObject(answer.getBody());
    assertThat(problem.getString("title")).isEqualTo("Invalid Request");
    assertThat(problem.getString("detail")).isEqualTo("One or more parameters to your request was invalid.");
    assertThat(problem.getString("type")).isEqualTo("https://api.twitter.com/2/problems/invalid-request");
    JsonObject error = problem.getJsonArray("errors").getJsonObject(0);
    assertThat(error.getJsonObject("parameters").getJsonArray("user.fields")).isEqualTo(new JsonArray().add("shoe_size"));
    assertThat(error.getString("message")).startsWith("The `user.fields` query parameter value [shoe_size] is not one of");
  }

  @Test
  void unknownQueryParameterIsAnInvalidRequest(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());
    OAuth10aService scribe = sandbox.scribe();

    Response answer = sandbox.signedGet(scribe, sandbox.signIn(scribe), "/2/users/me?include_email=true");

    assertThat(answer.getCode()).isEqualTo(400);
    assertThat(new JsonObject(answer.getBody()).getJsonArray("errors").getJsonObject(0).getString("message"))
        .isEqualTo("The query parameter [include_email] is not one of [expansions,tweet.fields,user.fields]");
  }

  @Test
  void revokedTokenIsUnauthorizedInTheV2Shape(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());
    OAuth10aService scribe = sandbox.scribe();
    OAuth1AccessToken access = sandbox.signIn(scribe);
    sandbox.signedPost(scribe, access, "/1.1/oauth/invalidate_token");

    Response answer = sandbox.signedGet(scribe, access, "/2/users/me");

    assertThat(answer.getCode()).isEqualTo(401);
    assertThat(answer.getHeader("Content-Type")).startsWith("application/problem+json");
    assertThat(new JsonObject(answer.getBody())).isEqualTo(UNAUTHORIZED);
  }

  @Test
  void badSignatureIsUnauthorizedInTheV2Shape(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());
    OAuth10aService scribe = sandbox.scribe();
    OAuth1AccessToken access = sandbox.signIn(scribe);

    Response answer = sandbox.signedGet(scribe, new OAuth1AccessToken(access.getToken(), "forged"), "/2/users/me");

    assertThat(answer.getCode()).isEqualTo(401);
    assertThat(new JsonObject(answer.getBody())).isEqualTo(UNAUTHORIZED);
  }

  @Test
  void missingAuthorizationIsUnauthorizedInTheV2Shape(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());

    HttpResponse<Buffer> answer = sandbox.get("/2/users/me");

    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(answer.bodyAsJsonObject()).isEqualTo(UNAUTHORIZED);
  }

  @Test
  void exhaustedWindowIsTooManyRequestsInTheV2Shape(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject().put("verifyCredentialsLimit", 1));
    OAuth10aService scribe = sandbox.scribe();
    OAuth1AccessToken access = sandbox.signIn(scribe);
    assertThat(sandbox.signedGet(scribe, access, "/2/users/me").getCode()).isEqualTo(200);

    Response limited = sandbox.signedGet(scribe, access, "/2/users/me");

    assertThat(limited.getCode()).isEqualTo(429);
    assertThat(limited.getHeader("x-rate-limit-remaining")).isEqualTo("0");
    assertThat(new JsonObject(limited.getBody())).isEqualTo(new JsonObject().put("title", "Too Many Requests")
        .put("detail", "Too Many Requests").put("type", "about:blank").put("status", 429));
  }

  @Test
  void injectedServerErrorOnV2IsAProblemDocument(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject()
        .put("faults", new FaultSettings(0, 1, 0, 0).toJson()));

    HttpResponse<Buffer> answer = sandbox.get("/2/users/me");

    assertThat(answer.statusCode()).isEqualTo(503);
    assertThat(answer.bodyAsJsonObject().getString("title")).isEqualTo("Service Unavailable");
    assertThat(answer.bodyAsJsonObject().getInteger("status")).isEqualTo(503);
  }
}
