package io.github.twitterlogin.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.twitterlogin.client.FakeTwitter.ReceivedRequest;
import io.github.twitterlogin.shared.ProfileSource;
import io.github.twitterlogin.shared.RequestToken;
import io.github.twitterlogin.shared.SignIn;
import io.github.twitterlogin.shared.SignInRequest;
import io.github.twitterlogin.shared.TwitterAddresses;
import io.github.twitterlogin.shared.TwitterFailure;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The callback's step in one request: the verifier exchanged, then the profile from the chosen source. */
@ExtendWith(VertxExtension.class)
class SignInTest {

  private ClientFixture fixture;
  private RequestToken requestToken;
  private String verifier;

  @BeforeEach
  void startALogin(Vertx vertx, VertxTestContext testContext) {
    ClientFixture.start(vertx)
        .compose(started -> {
          fixture = started;
          return fixture.client.requestToken("https://app.example/callback");
        })
        .onComplete(testContext.succeeding(token -> {
          requestToken = token;
          verifier = fixture.twitter.verifierFor(token.token());
          testContext.completeNow();
        }));
  }

  private Future<SignIn> signIn(ProfileSource source, boolean includeEmail) {
    return fixture.client.signIn(new SignInRequest(requestToken.credentials(), verifier, source, includeEmail));
  }

  /** The requests that this test's sign-in sent, without the request token that started the login. */
  private List<ReceivedRequest> signInRequests() {
    List<ReceivedRequest> received = fixture.twitter.received();
    return received.subList(1, received.size());
  }

  @Test
  void v2IsTheDefaultAndReadsUsersMeWithTheNewAccessToken(VertxTestContext testContext) {
    Outcome.succeeds(testContext, fixture.client.signIn(requestToken.credentials(), verifier), signIn -> {
      List<ReceivedRequest> requests = signInRequests();
      assertThat(requests).extracting(ReceivedRequest::path).containsExactly("/oauth/access_token", "/2/users/me");
      assertThat(requests.get(0).oauth())
          .containsEntry("oauth_token", requestToken.token())
          .containsEntry("oauth_verifier", verifier);
      ReceivedRequest usersMe = requests.get(1);
      assertThat(usersMe.method()).isEqualTo("GET");
      assertThat(usersMe.query()).containsExactly(Map.entry("user.fields", "profile_image_url"));
      assertThat(usersMe.oauth()).containsEntry("oauth_token", signIn.credentials().token());
      assertThat(signIn.credentials().tokenSecret())
          .isEqualTo(fixture.twitter.secretOfAccessToken(signIn.credentials().token()));
      assertThat(signIn.user().id()).isEqualTo(FakeTwitter.USER_ID);
      assertThat(signIn.user().screenName()).isEqualTo(FakeTwitter.SCREEN_NAME);
      assertThat(signIn.user().name()).isEqualTo("Twitter Dev ✓");
      assertThat(signIn.user().profileImageUrl()).isEqualTo(FakeTwitter.PROFILE_IMAGE_URL);
      assertThat(signIn.user().email()).isNull();
    });
  }

  @Test
  void v1_1ReadsVerifyCredentials(VertxTestContext testContext) {
    Outcome.succeeds(testContext, signIn(ProfileSource.V1_1, false), signIn -> {
      List<ReceivedRequest> requests = signInRequests();
      assertThat(requests).extracting(ReceivedRequest::path)
          .containsExactly("/oauth/access_token", "/1.1/account/verify_credentials.json");
      assertThat(requests.get(1).query()).containsExactly(Map.entry("skip_status", "true"));
      assertThat(requests.get(1).oauth()).containsEntry("oauth_token", signIn.credentials().token());
      assertThat(signIn.user().profileImageUrl()).isEqualTo(FakeTwitter.PROFILE_IMAGE_URL);
      assertThat(signIn.user().email()).isNull();
    });
  }

  @Test
  void v1_1WithIncludeEmailGivesTheEmail(VertxTestContext testContext) {
    Outcome.succeeds(testContext, signIn(ProfileSource.V1_1, true), signIn -> {
      assertThat(signInRequests().get(1).query())
          .containsExactly(Map.entry("skip_status", "true"), Map.entry("include_email", "true"));
      assertThat(signIn.user().email()).isEqualTo(FakeTwitter.EMAIL);
    });
  }

  @Test
  void tokenMakesNoProfileCall(VertxTestContext testContext) {
    Outcome.succeeds(testContext, signIn(ProfileSource.TOKEN, false), signIn -> {
      assertThat(signInRequests()).extracting(ReceivedRequest::path).containsExactly("/oauth/access_token");
      assertThat(signIn.user().id()).isEqualTo(FakeTwitter.USER_ID);
      assertThat(signIn.user().screenName()).isEqualTo(FakeTwitter.SCREEN_NAME);
      assertThat(signIn.user().name()).isEqualTo(FakeTwitter.SCREEN_NAME);
      assertThat(signIn.user().profileImageUrl()).isNull();
      assertThat(signIn.credentials().tokenSecret())
          .isEqualTo(fixture.twitter.secretOfAccessToken(signIn.credentials().token()));
    });
  }

  @Test
  void accessTierWithoutV1_1IsForbiddenAndSuggestsV2(VertxTestContext testContext) {
    fixture.twitter.answer("/1.1/account/verify_credentials.json", FakeTwitter.error(403, 453,
        "You currently have access to a subset of X API V2 endpoints and limited v1.1 endpoints only."));
    Outcome.failsWith(testContext, signIn(ProfileSource.V1_1, true), TwitterFailure.FORBIDDEN, failure -> {
      assertThat(failure.twitterErrorCode()).hasValue(453);
      assertThat(failure.getMessage())
          .contains("You currently have access to a subset of X API V2 endpoints", "PROFILE_SOURCE=v2");
    });
  }

  @Test
  void includeEmailWithAnotherSourceIsABadRequestThatNeverReachesTwitter(Vertx vertx, VertxTestContext testContext) {
    JsonObject request = requestToken.credentials().toJson()
        .put("verifier", verifier).put("profileSource", "v2").put("includeEmail", true);
    vertx.eventBus().request(TwitterAddresses.SIGN_IN, request).onComplete(testContext.failing(cause ->
        testContext.verify(() -> {
          ReplyException reply = (ReplyException) cause;
          assertThat(reply.failureCode()).isEqualTo(TwitterFailure.BAD_REQUEST.code());
          assertThat(new JsonObject(reply.getMessage()).getString("message"))
              .contains("includeEmail needs profileSource v1.1");
          assertThat(signInRequests()).isEmpty();
          testContext.completeNow();
        })));
  }

  @Test
  void wrongVerifierIsRejectedWithoutAProfileCall(VertxTestContext testContext) {
    Future<SignIn> signIn = fixture.client.signIn(requestToken.credentials(), "not-the-verifier");
    Outcome.failsWith(testContext, signIn, TwitterFailure.CREDENTIALS_REJECTED, failure ->
        assertThat(signInRequests()).extracting(ReceivedRequest::path).containsExactly("/oauth/access_token"));
  }

  @Test
  void v2ProblemIsReadIntoTheFailure(VertxTestContext testContext) {
    fixture.twitter.answer("/2/users/me", FakeTwitter.problem(403, "Client Forbidden",
        "This request must be made using an approved developer account.",
        "https://api.x.com/2/problems/client-forbidden"));
    Outcome.failsWith(testContext, signIn(ProfileSource.V2, false), TwitterFailure.FORBIDDEN, failure ->
        assertThat(failure.getMessage()).contains("GET 2/users/me", "Client Forbidden",
            "https://api.x.com/2/problems/client-forbidden",
            "This request must be made using an approved developer account."));
  }

  @Test
  void v2ErrorsListIsReadIntoTheFailure(VertxTestContext testContext) {
    fixture.twitter.answer("/2/users/me",
        FakeTwitter.v2Errors(400, "Invalid Request", "The `user.fields` query parameter value [x] is not one of [id]"));
    Outcome.failsWith(testContext, signIn(ProfileSource.V2, false), TwitterFailure.TWITTER_ERROR, failure ->
        assertThat(failure.getMessage())
            .contains("400", "Invalid Request", "The `user.fields` query parameter value [x] is not one of [id]"));
  }

  @Test
  void v2AnswerWithErrorsAndNoDataIsATwitterError(VertxTestContext testContext) {
    fixture.twitter.answer("/2/users/me", FakeTwitter.v2Errors(200, "Not Found Error", "Could not find user"));
    Outcome.failsWith(testContext, signIn(ProfileSource.V2, false), TwitterFailure.TWITTER_ERROR, failure ->
        assertThat(failure.getMessage()).contains("2/users/me answer has no data", "Could not find user"));
  }
}
