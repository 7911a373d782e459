package io.github.twitterlogin.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.scribejava.core.model.OAuth1AccessToken;
import com.github.scribejava.core.model.OAuth1RequestToken;
import com.github.scribejava.core.model.OAuthRequest;
import com.github.scribejava.core.model.Response;
import com.github.scribejava.core.model.Verb;
import com.github.scribejava.core.oauth.OAuth10aService;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code x-access-level} on every answer to a user's call, following the app's permission and
 * the {@code x_auth_access_type} its request token asked for; and X's lower tiers, which refuse
 * v1.1 {@code verify_credentials} with error 453.
 */
@ExtendWith(VertxExtension.class)
class AccessLevelTest {

  @Test
  void tokenOfAReadWriteAppIsReadWrite(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());
    OAuth10aService scribe = sandbox.scribe();

    Response me = sandbox.signedGet(scribe, sandbox.signIn(scribe), "/2/users/me");

    assertThat(me.getHeader("x-access-level")).isEqualTo("read-write");
  }

  @Test
  void readAskedForOnTheRequestTokenGivesAReadToken(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());
    OAuth10aService scribe = sandbox.scribe();
    OAuth1AccessToken access = signInAsking(sandbox, scribe, "read");

    Response me = sandbox.signedGet(scribe, access, "/1.1/account/verify_credentials.json");

    assertThat(me.getCode()).isEqualTo(200);
    assertThat(me.getHeader("x-access-level")).isEqualTo("read");
  }

  @Test
  void writeAskedForByAReadAppGivesAReadToken(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, consumer(new JsonObject().put("accessLevel", "read")));
    OAuth10aService scribe = sandbox.scribe();
    OAuth1AccessToken access = signInAsking(sandbox, scribe, "write");

    assertThat(sandbox.signedGet(scribe, access, "/2/users/me").getHeader("x-access-level")).isEqualTo("read");
  }

  @Test
  void writeAskedForByADirectMessagesAppGivesAReadWriteToken(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx,
        consumer(new JsonObject().put("accessLevel", "read-write-directmessages")));
    OAuth10aService scribe = sandbox.scribe();

    assertThat(sandbox.signedGet(scribe, sandbox.signIn(scribe), "/2/users/me").getHeader("x-access-level"))
        .isEqualTo("read-write-directmessages");
    assertThat(sandbox.signedGet(scribe, signInAsking(sandbox, scribe, "write"), "/2/users/me")
        .getHeader("x-access-level")).isEqualTo("read-write");
  }

  @Test
  void limitedTierRefusesVerifyCredentialsWith453(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, consumer(new JsonObject().put("limitedV11Access", true)));
    OAuth10aService scribe = sandbox.scribe();
    OAuth1AccessToken access = sandbox.signIn(scribe);

    Response refused = sandbox.signedGet(scribe, access, "/1.1/account/verify_credentials.json");
    Response me = sandbox.signedGet(scribe, access, "/2/users/me");

    assertThat(refused.getCode()).isEqualTo(403);
    assertThat(SandboxFixture.firstError(refused).getInteger("code")).isEqualTo(453);
    assertThat(SandboxFixture.firstError(refused).getString("message"))
        .startsWith("You currently have access to a subset of X API V2 endpoints and limited v1.1 endpoints");
    assertThat(me.getCode()).isEqualTo(200);
  }

  /** The request token asks for {@code accessType} in its signed query, as X documents it. */
  private static OAuth1AccessToken signInAsking(SandboxFixture sandbox, OAuth10aService scribe, String accessType)
      throws Exception {
    OAuthRequest request = new OAuthRequest(Verb.POST, scribe.getApi().getRequestTokenEndpoint());
    request.addOAuthParameter("oauth_callback", SandboxFixture.CALLBACK);
    request.addQuerystringParameter("x_auth_access_type", accessType);
    scribe.signRequest(new OAuth1AccessToken("", ""), request);
    Response answer = scribe.execute(request);
    assertThat(answer.getCode()).as(answer.getBody()).isEqualTo(200);
    OAuth1RequestToken token = scribe.getApi().getRequestTokenExtractor().extract(answer);
    String verifier = SandboxFixture.verifierOf(sandbox.authorize(token.getToken(), "1000000001"));
    return scribe.getAccessToken(token, verifier);
  }

  private static JsonObject consumer(JsonObject settings) {
    return new JsonObject().put("consumers", new JsonArray().add(new JsonObject()
        .put("key", SandboxConsumer.DEFAULT_KEY).put("secret", SandboxConsumer.DEFAULT_SECRET)
        .put("callbackUrls", SandboxFixture.CALLBACK).mergeIn(settings)));
  }
}
