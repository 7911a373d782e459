package io.github.twitterlogin.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class ContractMessagesTest {

  private static final TokenCredentials TOKEN = new TokenCredentials("token-1", "secret-1");

  @Test
  void apiRequestKeepsRepeatedParametersThroughJson() {
    ApiRequest request = new ApiRequest("post", "1.1/statuses/update.json",
        Map.of("a", List.of("1", "2")), Map.of("status", List.of("Zoë 👋 & co")), TOKEN);

    ApiRequest copy = ApiRequest.fromJson(new JsonObject(request.toJson().encode()));

    assertThat(copy).isEqualTo(request);
    assertThat(copy.method()).isEqualTo("POST");
  }

  @Test
  void apiRequestAcceptsASingleStringPerName() {
    JsonObject json = TOKEN.toJson().put("method", "GET").put("path", "2/users/me")
        .put("query", new JsonObject().put("user.fields", "name"));

    assertThat(ApiRequest.fromJson(json).query()).containsEntry("user.fields", List.of("name"));
  }

  @Test
  void apiRequestRefusesAPathToAnotherHost() {
    for (String path : List.of("https://evil.example/x", "//evil.example/x", "../x", "1.1/a?b=c", "")) {
      JsonObject json = TOKEN.toJson().put("method", "GET").put("path", path);
      assertThatThrownBy(() -> ApiRequest.fromJson(json)).as(path)
          .isInstanceOfSatisfying(TwitterFailureException.class,
              failure -> assertThat(failure.failure()).isEqualTo(TwitterFailure.BAD_REQUEST));
    }
  }

  @Test
  void protocolParametersCannotBeSmuggledIn() {
    assertThatThrownBy(() -> ApiRequest.get("1.1/a.json", Map.of("oauth_token", List.of("other")), TOKEN))
        .hasMessageContaining("oauth_");
    assertThatThrownBy(() -> ApiRequest.post("1.1/a.json", Map.of("oauth_callback", List.of("x")), TOKEN))
        .hasMessageContaining("oauth_");
  }

  @Test
  void formWithGetIsRefused() {
    assertThatThrownBy(() -> new ApiRequest("GET", "1.1/a.json", Map.of(), Map.of("a", List.of("b")), TOKEN))
        .hasMessageContaining("POST or PUT");
  }

  @Test
  void missingFieldIsABadRequestNamingIt() {
    assertThatThrownBy(() -> AccessTokenRequest.fromJson(TOKEN.toJson()))
        .isInstanceOfSatisfying(TwitterFailureException.class, failure -> {
          assertThat(failure.failure()).isEqualTo(TwitterFailure.BAD_REQUEST);
          assertThat(failure.getMessage()).isEqualTo("verifier is required");
        });
  }

  @Test
  void wrongTypeIsABadRequest() {
    JsonObject json = new JsonObject().put("callbackUrl", new JsonArray().add("x"));

    assertThatThrownBy(() -> RequestTokenRequest.fromJson(json)).hasMessage("callbackUrl must be a string");
  }

  @Test
  void secretsStayOutOfToString() {
    AccessTokenRequest request = new AccessTokenRequest(TOKEN, "verifier-1");

    assertThat(request.toString()).doesNotContain("secret-1", "verifier-1").contains("token-1");
    assertThat(new AccessToken(TOKEN, "1", "a").toString()).doesNotContain("secret-1");
  }

  @Test
  void requestTokenRequestKeepsAccessTypeAndLoginPageThroughJson() {
    RequestTokenRequest request =
        new RequestTokenRequest("https://app.example/cb", true, "ada", AccessType.READ, LoginPage.AUTHORIZE);

    JsonObject json = new JsonObject(request.toJson().encode());

    assertThat(json.getString("accessType")).isEqualTo("read");
    assertThat(json.getString("loginPage")).isEqualTo("authorize");
    assertThat(RequestTokenRequest.fromJson(json)).isEqualTo(request);
  }

  @Test
  void requestTokenRequestDefaultsToTheAppsAccessOnTheAuthenticatePage() {
    RequestTokenRequest request = RequestTokenRequest.fromJson(new JsonObject().put("callbackUrl", "https://app.example/cb"));

    assertThat(request.accessType()).isNull();
    assertThat(request.loginPage()).isEqualTo(LoginPage.AUTHENTICATE);
    assertThat(request).isEqualTo(RequestTokenRequest.of("https://app.example/cb"));
    assertThat(request.toJson().containsKey("accessType")).isFalse();
  }

  @Test
  void badAccessTypeOrLoginPageIsABadRequestNamingTheField() {
    JsonObject json = new JsonObject().put("callbackUrl", "https://app.example/cb");
    assertBadRequest(() -> RequestTokenRequest.fromJson(json.copy().put("accessType", "READ")),
        "accessType must be read or write");
    assertBadRequest(() -> RequestTokenRequest.fromJson(json.copy().put("accessType", 1)), "accessType must be a string");
    assertBadRequest(() -> RequestTokenRequest.fromJson(json.copy().put("loginPage", "login")),
        "loginPage must be authenticate or authorize");
  }

  @Test
  void signInRequestKeepsItsFieldsThroughJson() {
    SignInRequest request = new SignInRequest(TOKEN, "verifier-1", ProfileSource.V1_1, true);

    JsonObject json = new JsonObject(request.toJson().encode());

    assertThat(json.getString("profileSource")).isEqualTo("v1.1");
    assertThat(json.getString("token")).isEqualTo("token-1");
    assertThat(SignInRequest.fromJson(json)).isEqualTo(request);
  }

  @Test
  void signInRequestReadsProfileFromV2ByDefault() {
    SignInRequest request = SignInRequest.fromJson(TOKEN.toJson().put("verifier", "verifier-1"));

    assertThat(request.profileSource()).isEqualTo(ProfileSource.V2);
    assertThat(request.includeEmail()).isFalse();
    assertThat(request).isEqualTo(SignInRequest.of(TOKEN, "verifier-1"));
  }

  @Test
  void includeEmailNeedsV1_1() {
    for (String source : List.of("v2", "token")) {
      assertBadRequest(() -> SignInRequest.fromJson(TOKEN.toJson().put("verifier", "v")
          .put("profileSource", source).put("includeEmail", true)), "includeEmail needs profileSource v1.1");
    }
    assertBadRequest(() -> new SignInRequest(TOKEN, "v", null, true), "includeEmail needs profileSource v1.1");
  }

  @Test
  void unknownProfileSourceIsABadRequestNamingTheField() {
    assertBadRequest(() -> SignInRequest.fromJson(TOKEN.toJson().put("verifier", "v").put("profileSource", "v1")),
        "profileSource must be v2, v1.1 or token");
  }

  @Test
  void signInKeepsTheUserAndTheAccessTokenThroughJson() {
    SignIn signIn = new SignIn(new TwitterUser("1", "ada", "Ada", null, "ada@example.com"), TOKEN);

    JsonObject json = new JsonObject(signIn.toJson().encode());

    assertThat(json.getJsonObject("user").getString("screenName")).isEqualTo("ada");
    assertThat(SignIn.fromJson(json)).isEqualTo(signIn);
  }

  @Test
  void signInWithoutAUserIsRefused() {
    assertBadRequest(() -> SignIn.fromJson(TOKEN.toJson()), "user is required");
    assertBadRequest(() -> SignIn.fromJson(TOKEN.toJson().put("user", "ada")), "user must be an object");
    assertBadRequest(() -> SignIn.fromJson(TOKEN.toJson().put("user", new JsonObject())), "id is required");
  }

  @Test
  void signInMessagesKeepTheirSecretsOutOfToString() {
    assertThat(new SignInRequest(TOKEN, "verifier-1", ProfileSource.V1_1, true).toString())
        .doesNotContain("secret-1", "verifier-1").contains("token-1", "v1.1");
    assertThat(new SignIn(new TwitterUser("1", "ada", "Ada", null, null), TOKEN).toString())
        .doesNotContain("secret-1").contains("token-1", "ada");
  }

  @Test
  void signInWithAKeptTokenNamesTheSignInInstead() {
    SignIn signIn = new SignIn(new TwitterUser("1", "ada", "Ada", null, null), null, "sign-in-1");

    JsonObject json = new JsonObject(signIn.toJson().encode());

    assertThat(signIn.tokenKept()).isTrue();
    assertThat(json.fieldNames()).containsExactlyInAnyOrder("user", "signInId");
    assertThat(SignIn.fromJson(json)).isEqualTo(signIn);
    assertBadRequest(() -> new SignIn(signIn.user(), TOKEN, "sign-in-1"), "either token and tokenSecret, or signInId");
  }

  @Test
  void signInRequestAsksToKeepTheTokenOnlyWhenSaid() {
    SignInRequest keep = new SignInRequest(TOKEN, "verifier-1", ProfileSource.V2, false, true);

    assertThat(SignInRequest.fromJson(new JsonObject(keep.toJson().encode()))).isEqualTo(keep);
    assertThat(SignInRequest.fromJson(TOKEN.toJson().put("verifier", "v")).keepToken()).isFalse();
  }

  @Test
  void userTokenIsEitherTheTokenOrTheUsersId() {
    UserToken byId = UserToken.ofUser("42");
    UserToken byToken = UserToken.of(TOKEN);

    assertThat(UserToken.fromJson(byId.writeTo(new JsonObject()))).isEqualTo(byId);
    assertThat(UserToken.fromJson(byToken.writeTo(new JsonObject()))).isEqualTo(byToken);
    assertThat(byId.writeTo(new JsonObject()).fieldNames()).containsExactly("userId");
    assertBadRequest(() -> UserToken.fromJson(TOKEN.toJson().put("userId", "42")), "one of userId, bearerToken");
    assertBadRequest(() -> UserToken.fromJson(new JsonObject()), "token is required");
    assertBadRequest(() -> UserToken.fromJson(new JsonObject().put("userId", 42)), "userId must be a string");
    assertThat(byToken.toString()).doesNotContain("secret-1");
  }

  @Test
  void userTokenMayBeAnOAuth2BearerToken() {
    UserToken bearer = UserToken.ofBearer("access-1");

    assertThat(UserToken.fromJson(new JsonObject(bearer.writeTo(new JsonObject()).encode()))).isEqualTo(bearer);
    assertThat(bearer.writeTo(new JsonObject()).fieldNames()).containsExactly("bearerToken");
    assertThat(bearer.toString()).doesNotContain("access-1");
    assertBadRequest(() -> UserToken.fromJson(new JsonObject().put("bearerToken", "a").put("userId", "42")),
        "one of userId, bearerToken");
    assertBadRequest(() -> UserToken.fromJson(TOKEN.toJson().put("bearerToken", "a")), "one of userId, bearerToken");
  }

  @Test
  void oauth2MessagesSurviveJsonAndHideTheirSecrets() {
    OAuth2Tokens tokens = new OAuth2Tokens("access-1", "refresh-1", Instant.ofEpochMilli(1_700_000_000_000L),
        List.of("tweet.read", "users.read"));
    OAuth2CodeRequest code = new OAuth2CodeRequest("code-1", "v".repeat(43), "https://app.example/callback");
    OAuth2AuthorizeRequest authorize = new OAuth2AuthorizeRequest("https://app.example/callback",
        List.of("users.read"), "state-1", "c".repeat(43));

    assertThat(OAuth2Tokens.fromJson(new JsonObject(tokens.toJson().encode()))).isEqualTo(tokens);
    assertThat(OAuth2CodeRequest.fromJson(new JsonObject(code.toJson().encode()))).isEqualTo(code);
    assertThat(OAuth2AuthorizeRequest.fromJson(new JsonObject(authorize.toJson().encode()))).isEqualTo(authorize);
    assertThat(tokens.toString()).doesNotContain("access-1").doesNotContain("refresh-1");
    assertThat(code.toString()).doesNotContain("code-1").doesNotContain("vvvv");
    assertThat(new OAuth2TokenRequest("refresh-1").toString()).doesNotContain("refresh-1");
  }

  @Test
  void oauth2RequestsRefuseWhatXWouldRefuse() {
    assertBadRequest(() -> new OAuth2CodeRequest("c", "too-short", "https://a/cb"), "codeVerifier");
    assertBadRequest(() -> new OAuth2AuthorizeRequest("https://a/cb", List.of("users.read"), "s", "plain"),
        "codeChallenge");
    assertBadRequest(() -> new OAuth2AuthorizeRequest("https://a/cb", List.of(), "s", "c".repeat(43)), "scopes");
    assertBadRequest(() -> new OAuth2AuthorizeRequest("https://a/cb", List.of("users.read"), "s".repeat(501),
        "c".repeat(43)), "state");
    assertBadRequest(() -> OAuth2Tokens.fromJson(new JsonObject().put("accessToken", "a")), "expiresAt");
  }

  @Test
  void apiCallsAndVerifyCredentialsTakeAUserId() {
    ApiRequest call = ApiRequest.fromJson(new JsonObject().put("method", "GET").put("path", "2/users/me")
        .put("userId", "42"));
    VerifyCredentialsRequest verify = VerifyCredentialsRequest.fromJson(new JsonObject().put("userId", "42"));

    assertThat(call.credentials()).isEqualTo(UserToken.ofUser("42"));
    assertThat(ApiRequest.fromJson(new JsonObject(call.toJson().encode()))).isEqualTo(call);
    assertThat(verify.credentials()).isEqualTo(UserToken.ofUser("42"));
    assertThat(call.signedWith(TOKEN).credentials()).isEqualTo(UserToken.of(TOKEN));
  }

  @Test
  void signOutRequestKeepsItsFieldsAndRefusesRevokedAsAReason() {
    SignOutRequest request = new SignOutRequest("42", "sign-in-1", SignedOut.Reason.EXPIRED, true);

    assertThat(SignOutRequest.fromJson(new JsonObject(request.toJson().encode()))).isEqualTo(request);
    assertBadRequest(() -> SignOutRequest.fromJson(request.toJson().put("reason", "revoked")),
        "reason must be logout or expired");
    assertBadRequest(() -> SignOutRequest.fromJson(request.toJson().put("reason", "bored")),
        "reason must be logout, expired or revoked");
    assertBadRequest(() -> SignOutRequest.fromJson(request.toJson().putNull("signInId")), "signInId is required");
  }

  @Test
  void eventsHaveTheDocumentedFields() {
    SignedIn signedIn = SignedIn.of(new TwitterUser("42", "ada", "Ada", "https://pbs.example/ada.png", "ada@example.com"),
        1_700_000_000_000L);
    SignedOut signedOut = new SignedOut("42", SignedOut.Reason.REVOKED, 1_700_000_000_001L);

    assertThat(signedIn.toJson().fieldNames())
        .containsExactlyInAnyOrder("userId", "screenName", "name", "profileImageUrl", "at");
    assertThat(signedOut.toJson()).isEqualTo(new JsonObject("{\"userId\":\"42\",\"reason\":\"revoked\",\"at\":1700000000001}"));
    assertThat(SignedIn.fromJson(new JsonObject(signedIn.toJson().encode()))).isEqualTo(signedIn);
    assertThat(SignedOut.fromJson(new JsonObject(signedOut.toJson().encode()))).isEqualTo(signedOut);
    JsonObject withoutAt = signedIn.toJson();
    withoutAt.remove("at");
    assertBadRequest(() -> SignedIn.fromJson(withoutAt), "at is required");
    assertBadRequest(() -> SignedIn.fromJson(new JsonObject().put("at", 1L)), "userId is required");
    assertBadRequest(() -> SignedOut.fromJson(signedOut.toJson().put("reason", "bored")),
        "reason must be logout, expired or revoked");
  }

  @Test
  void eventAddressesAreNamedAsDocumented() {
    assertThat(TwitterAddresses.SIGNED_IN).isEqualTo("twitter.session.signed-in");
    assertThat(TwitterAddresses.SIGNED_OUT).isEqualTo("twitter.session.signed-out");
    assertThat(TwitterAddresses.EVENTS).containsExactlyInAnyOrder(TwitterAddresses.SIGNED_IN, TwitterAddresses.SIGNED_OUT);
  }

  private static void assertBadRequest(ThrowingCallable read, String message) {
    assertThatThrownBy(read).isInstanceOfSatisfying(TwitterFailureException.class, failure -> {
      assertThat(failure.failure()).isEqualTo(TwitterFailure.BAD_REQUEST);
      assertThat(failure.getMessage()).contains(message);
    });
  }

  @Test
  void failureTravelsThroughAReplyException() {
    TwitterFailureException sent = new TwitterFailureException(
        TwitterFailure.RATE_LIMITED, "Rate limit exceeded", 88, Instant.ofEpochSecond(1_700_000_000));
    ReplyException onTheWire = new ReplyException(ReplyFailure.RECIPIENT_FAILURE, sent.failure().code(),
        sent.toJson().encode());

    TwitterFailureException received = TwitterFailureException.fromReply(onTheWire);

    assertThat(received.failure()).isEqualTo(TwitterFailure.RATE_LIMITED);
    assertThat(received.getMessage()).isEqualTo("Rate limit exceeded");
    assertThat(received.twitterErrorCode()).hasValue(88);
    assertThat(received.rateLimitReset()).contains(Instant.ofEpochSecond(1_700_000_000));
  }

  @Test
  void noHandlersMeansNoTwitterClient() {
    TwitterFailureException failure =
        TwitterFailureException.fromReply(new ReplyException(ReplyFailure.NO_HANDLERS, "none"));

    assertThat(failure.failure()).isEqualTo(TwitterFailure.NO_CLIENT);
  }

  @Test
  void eventBusTimeoutIsAClientTimeout() {
    TwitterFailureException failure =
        TwitterFailureException.fromReply(new ReplyException(ReplyFailure.TIMEOUT, "timeout"));

    assertThat(failure.failure()).isEqualTo(TwitterFailure.CLIENT_TIMEOUT);
  }

  @Test
  void plainTextFailureFromAnotherSenderIsKept() {
    TwitterFailureException failure =
        TwitterFailureException.fromReply(new ReplyException(ReplyFailure.RECIPIENT_FAILURE, 503, "down"));

    assertThat(failure.failure()).isEqualTo(TwitterFailure.UNREACHABLE);
    assertThat(failure.getMessage()).isEqualTo("down");
  }
}
