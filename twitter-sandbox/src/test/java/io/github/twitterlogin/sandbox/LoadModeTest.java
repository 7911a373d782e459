package io.github.twitterlogin.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.scribejava.core.model.OAuth1AccessToken;
import com.github.scribejava.core.model.OAuth1RequestToken;
import com.github.scribejava.core.model.Response;
import com.github.scribejava.core.oauth.OAuth10aService;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Load mode, for the benchmark: every login is approved at once as a user never seen before, who
 * every endpoint knows, with no per-user rate limit.
 */
@ExtendWith(VertxExtension.class)
class LoadModeTest {

  private static final JsonObject LOAD_MODE = new JsonObject().put("loadMode", true);

  @Test
  void twoHundredLoginsAreTwoHundredUsersAndNoneIsLimited(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, LOAD_MODE);
    OAuth10aService scribe = sandbox.scribe();
    Set<String> ids = new HashSet<>();
    Set<String> screenNames = new HashSet<>();

    for (int login = 1; login <= 200; login++) {
      OAuth1RequestToken requestToken = scribe.getRequestToken();
      HttpResponse<Buffer> approved = sandbox.get("/oauth/authenticate?oauth_token=" + requestToken.getToken());
      assertThat(approved.statusCode()).as("login %d", login).isEqualTo(302);
      OAuth1AccessToken access = scribe.getAccessToken(requestToken, SandboxFixture.verifierOf(approved));
      Response credentials = sandbox.signedGet(scribe, access, "/1.1/account/verify_credentials.json");
      Response me = sandbox.signedGet(scribe, access, "/2/users/me");

      assertThat(credentials.getCode()).as("login %d: %s", login, credentials.getBody()).isEqualTo(200);
      assertThat(me.getCode()).as("login %d: %s", login, me.getBody()).isEqualTo(200);
      JsonObject user = new JsonObject(credentials.getBody());
      assertThat(user.getString("id_str")).isEqualTo(access.getParameter("user_id"));
      assertThat(user.getString("screen_name")).isEqualTo(access.getParameter("screen_name"));
      assertThat(new JsonObject(me.getBody()).getJsonObject("data").getString("username"))
          .isEqualTo(access.getParameter("screen_name"));
      assertThat(credentials.getHeader("x-rate-limit-remaining")).isNull();
      ids.add(access.getParameter("user_id"));
      screenNames.add(access.getParameter("screen_name"));
    }

    assertThat(ids).hasSize(200);
    assertThat(screenNames).hasSize(200).contains("load1", "load200");
  }

  @Test
  void oneLoadUserIsNotRateLimited(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, LOAD_MODE.copy().put("verifyCredentialsLimit", 1));
    OAuth10aService scribe = sandbox.scribe();
    OAuth1RequestToken requestToken = scribe.getRequestToken();
    OAuth1AccessToken access = scribe.getAccessToken(requestToken, SandboxFixture.verifierOf(
        sandbox.get("/oauth/authorize?oauth_token=" + requestToken.getToken())));

    for (int call = 1; call <= 5; call++) {
      assertThat(sandbox.signedGet(scribe, access, "/1.1/account/verify_credentials.json").getCode())
          .as("call %d", call).isEqualTo(200);
      assertThat(sandbox.signedGet(scribe, access, "/2/users/me").getCode()).as("call %d", call).isEqualTo(200);
    }
  }

  @Test
  void loadUsersAreForgottenWithTheirTokens(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, LOAD_MODE.copy().put("accessTokenMemorySize", 3));
    OAuth10aService scribe = sandbox.scribe();
    OAuth1AccessToken first = loadLogin(sandbox, scribe);
    OAuth1AccessToken last = null;
    for (int login = 0; login < 3; login++) {
      last = loadLogin(sandbox, scribe);
    }

    Response forgotten = sandbox.signedGet(scribe, first, "/1.1/account/verify_credentials.json");
    Response kept = sandbox.signedGet(scribe, last, "/1.1/account/verify_credentials.json");

    assertThat(forgotten.getCode()).isEqualTo(401);
    assertThat(SandboxFixture.firstError(forgotten).getInteger("code")).isEqualTo(89);
    assertThat(kept.getCode()).isEqualTo(200);
    assertThat(new JsonObject(kept.getBody()).getString("screen_name")).isEqualTo("load4");
  }

  @Test
  void loadModeSkipsTheConsentPageOfConfiguredUsers(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, LOAD_MODE);
    OAuth1RequestToken requestToken = sandbox.scribe().getRequestToken();

    HttpResponse<Buffer> approved = sandbox.get("/oauth/authenticate?screen_name=ada&oauth_token="
        + requestToken.getToken());

    assertThat(approved.statusCode()).isEqualTo(302);
    assertThat(sandbox.scribe().getAccessToken(requestToken, SandboxFixture.verifierOf(approved))
        .getParameter("screen_name")).isEqualTo("load1");
  }

  private static OAuth1AccessToken loadLogin(SandboxFixture sandbox, OAuth10aService scribe) throws Exception {
    OAuth1RequestToken requestToken = scribe.getRequestToken();
    return scribe.getAccessToken(requestToken,
        SandboxFixture.verifierOf(sandbox.get("/oauth/authenticate?oauth_token=" + requestToken.getToken())));
  }
}
