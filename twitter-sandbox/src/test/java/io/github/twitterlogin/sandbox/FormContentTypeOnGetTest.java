package io.github.twitterlogin.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.scribejava.core.model.OAuth1AccessToken;
import com.github.scribejava.core.model.OAuth1RequestToken;
import com.github.scribejava.core.model.OAuthRequest;
import com.github.scribejava.core.model.Verb;
import com.github.scribejava.core.oauth.OAuth10aService;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * node-oauth, which passport-twitter signs with, sends {@code Content-Type:
 * application/x-www-form-urlencoded} and {@code Content-Length: 0} on every GET. vertx-web's
 * BodyHandler fails such a GET (vertx-web#1662); each GET route of the sandbox answers it as it
 * answers any GET, and nothing is logged at ERROR.
 */
@ExtendWith(VertxExtension.class)
class FormContentTypeOnGetTest {

  @RegisterExtension
  final ErrorLog log = new ErrorLog();

  @Test
  void signedVerifyCredentialsWithAnEmptyFormIsAnswered(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());
    OAuth10aService scribe = sandbox.scribe();
    OAuth1AccessToken access = sandbox.signIn(scribe);

    HttpResponse<Buffer> answer = withEmptyForm(sandbox, HttpMethod.GET,
        "/1.1/account/verify_credentials.json?skip_status=true", signature(sandbox, scribe, access,
            "/1.1/account/verify_credentials.json?skip_status=true"));

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.bodyAsJsonObject().getString("screen_name")).isEqualTo("ada");
    assertThat(log.errorLines()).isEmpty();
  }

  @Test
  void signedUsersMeWithAnEmptyFormIsAnswered(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());
    OAuth10aService scribe = sandbox.scribe();
    OAuth1AccessToken access = sandbox.signIn(scribe);

    HttpResponse<Buffer> answer = withEmptyForm(sandbox, HttpMethod.GET, "/2/users/me",
        signature(sandbox, scribe, access, "/2/users/me"));

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.bodyAsJsonObject().getJsonObject("data").getString("username")).isEqualTo("ada");
    assertThat(log.errorLines()).isEmpty();
  }

  @Test
  void consentPagesWithAnEmptyFormAreShown(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());
    OAuth1RequestToken token = sandbox.scribe().getRequestToken();

    for (String page : new String[] {"/oauth/authenticate", "/oauth/authorize"}) {
      HttpResponse<Buffer> answer = withEmptyForm(sandbox, HttpMethod.GET, page + "?oauth_token=" + token.getToken(),
          null);

      assertThat(answer.statusCode()).as(page).isEqualTo(200);
      assertThat(answer.bodyAsString()).as(page).contains("Authorize", "Ada Lovelace");
    }
    assertThat(log.errorLines()).isEmpty();
  }

  @Test
  void sandboxOwnPagesWithAnEmptyFormAreServed(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());

    HttpResponse<Buffer> health = withEmptyForm(sandbox, HttpMethod.GET, "/sandbox/health", null);
    HttpResponse<Buffer> avatar = withEmptyForm(sandbox, HttpMethod.GET, "/sandbox/avatars/1000000001.svg", null);
    HttpResponse<Buffer> faults = withEmptyForm(sandbox, HttpMethod.GET, "/sandbox/admin/faults", null);

    assertThat(health.bodyAsJsonObject().getString("status")).isEqualTo("UP");
    assertThat(avatar.bodyAsString()).startsWith("<svg");
    assertThat(faults.bodyAsJsonObject()).isEqualTo(FaultSettings.NONE.toJson());
    assertThat(log.errorLines()).isEmpty();
  }

  @Test
  void signedHeadWithAnEmptyFormIsAnsweredWithoutABody(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());
    OAuth10aService scribe = sandbox.scribe();
    OAuth1AccessToken access = sandbox.signIn(scribe);
    String path = "/1.1/account/verify_credentials.json";

    HttpResponse<Buffer> answer = withEmptyForm(sandbox, HttpMethod.HEAD, path,
        signature(sandbox, scribe, access, Verb.HEAD, path));

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.getHeader("Content-Type")).startsWith("application/json");
    assertThat(answer.getHeader("x-access-level")).isEqualTo("read-write");
    assertThat(answer.body()).isNull();
    assertThat(log.errorLines()).isEmpty();
  }

  @Test
  void headOfTheConsentPageWithAnEmptyFormIsAnsweredWithoutABody(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());
    OAuth1RequestToken token = sandbox.scribe().getRequestToken();

    HttpResponse<Buffer> answer = withEmptyForm(sandbox, HttpMethod.HEAD,
        "/oauth/authenticate?oauth_token=" + token.getToken(), null);

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.getHeader("Content-Type")).startsWith("text/html");
    assertThat(answer.body()).isNull();
    assertThat(log.errorLines()).isEmpty();
  }

  private static String signature(SandboxFixture sandbox, OAuth10aService scribe, OAuth1AccessToken access,
      String path) {
    return signature(sandbox, scribe, access, Verb.GET, path);
  }

  /** The Authorization header ScribeJava signs {@code path} with, sent by another client. */
  private static String signature(SandboxFixture sandbox, OAuth10aService scribe, OAuth1AccessToken access,
      Verb method, String path) {
    OAuthRequest request = new OAuthRequest(method, sandbox.baseUrl() + path);
    scribe.signRequest(access, request);
    return request.getHeaders().get("Authorization");
  }

  /** Exactly the headers node-oauth sends on a GET: the form's content type and a zero length. */
  private static HttpResponse<Buffer> withEmptyForm(SandboxFixture sandbox, HttpMethod method, String path,
      String authorization) throws Exception {
    var request = sandbox.browser.request(method, sandbox.sandbox.actualPort(), "127.0.0.1", path)
        .putHeader("Content-Type", "application/x-www-form-urlencoded")
        .putHeader("Content-Length", "0");
    if (authorization != null) {
      request.putHeader("Authorization", authorization);
    }
    return await(request.send());
  }

  private static <T> T await(io.vertx.core.Future<T> future) throws Exception {
    return future.await(20, TimeUnit.SECONDS);
  }
}
