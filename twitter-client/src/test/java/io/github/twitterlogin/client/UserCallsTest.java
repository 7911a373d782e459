package io.github.twitterlogin.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.twitterlogin.client.FakeTwitter.ReceivedRequest;
import io.github.twitterlogin.shared.ApiResponse;
import io.github.twitterlogin.shared.ProfileSource;
import io.github.twitterlogin.shared.RequestToken;
import io.github.twitterlogin.shared.SignIn;
import io.github.twitterlogin.shared.SignInRequest;
import io.github.twitterlogin.shared.SignOutRequest;
import io.github.twitterlogin.shared.SignedOut;
import io.github.twitterlogin.shared.TwitterAddresses;
import io.github.twitterlogin.shared.TwitterFailure;
import io.github.twitterlogin.shared.TwitterFailureException;
import io.github.twitterlogin.shared.TwitterUser;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Calls as a signed-in user named by id: the sign-in leaves her token in the client's vault and
 * answers a sign-in id instead, calls by id are signed with her token, and the retention decides
 * when a sign-in's end takes the token away.
 */
@ExtendWith(VertxExtension.class)
class UserCallsTest {

  private static final String USER_ID = FakeTwitter.USER_ID;

  private static <T> T await(Future<T> future) throws Exception {
    return future.await(10, TimeUnit.SECONDS);
  }

  private static TwitterFailureException failureOf(Future<?> future) {
    Throwable[] cause = new Throwable[1];
    assertThatThrownBy(() -> await(future)).satisfies(thrown -> cause[0] = thrown);
    assertThat(cause[0]).isInstanceOf(TwitterFailureException.class);
    return (TwitterFailureException) cause[0];
  }

  /** A whole sign-in, asking the client to keep the token. */
  private static SignIn signIn(ClientFixture fixture) throws Exception {
    RequestToken requestToken = await(fixture.client.requestToken("https://app.example/callback"));
    String verifier = fixture.twitter.verifierFor(requestToken.token());
    return await(fixture.client.signIn(
        new SignInRequest(requestToken.credentials(), verifier, ProfileSource.V2, false, true)));
  }

  /** The access token the fake issued at the latest exchange. */
  private static String lastIssuedAccessToken(ClientFixture fixture) {
    return fixture.twitter.received().stream()
        .filter(request -> request.path().equals("/2/users/me"))
        .reduce((first, second) -> second)
        .map(request -> request.oauth().get("oauth_token"))
        .orElseThrow();
  }

  private static List<JsonObject> signedOutEvents(Vertx vertx) {
    List<JsonObject> events = new CopyOnWriteArrayList<>();
    vertx.eventBus().<JsonObject>consumer(TwitterAddresses.SIGNED_OUT, message -> events.add(message.body()));
    return events;
  }

  @Test
  void keptTokenIsReplacedByASignInIdAndCallsByIdAreSignedWithIt(Vertx vertx) throws Exception {
    ClientFixture fixture = await(ClientFixture.start(vertx));

    SignIn signedIn = signIn(fixture);

    assertThat(signedIn.tokenKept()).isTrue();
    assertThat(signedIn.credentials()).isNull();
    assertThat(signedIn.signInId()).hasSizeGreaterThanOrEqualTo(22);
    String token = lastIssuedAccessToken(fixture);
    String secret = fixture.twitter.secretOfAccessToken(token);
    assertThat(signedIn.toJson().encode()).doesNotContain(token).doesNotContain(secret);

    ApiResponse timeline = await(fixture.client.asUser(USER_ID).get("1.1/statuses/home_timeline.json",
        Map.of("count", List.of("5"))));
    TwitterUser me = await(fixture.client.asUser(USER_ID).usersMe());
    TwitterUser verified = await(fixture.client.asUser(USER_ID).verifyCredentials(true));

    assertThat(timeline.status()).isEqualTo(200);
    assertThat(me.screenName()).isEqualTo(FakeTwitter.SCREEN_NAME);
    assertThat(verified.email()).isEqualTo(FakeTwitter.EMAIL);
    List<ReceivedRequest> received = fixture.twitter.received();
    assertThat(received.subList(received.size() - 3, received.size()))
        .extracting(ReceivedRequest::path)
        .containsExactly("/1.1/statuses/home_timeline.json", "/2/users/me", "/1.1/account/verify_credentials.json");
    assertThat(received.subList(received.size() - 3, received.size()))
        .allSatisfy(request -> assertThat(request.oauth()).containsEntry("oauth_token", token));
    assertThat(timeline.toJson().encode() + me.toJson().encode() + verified.toJson().encode())
        .doesNotContain(secret);
  }

  @Test
  void signInWithoutKeepingAnswersTheTokenAndKeepsNothing(Vertx vertx) throws Exception {
    ClientFixture fixture = await(ClientFixture.start(vertx));
    RequestToken requestToken = await(fixture.client.requestToken("https://app.example/callback"));

    SignIn signedIn = await(fixture.client.signIn(requestToken.credentials(),
        fixture.twitter.verifierFor(requestToken.token())));

    assertThat(signedIn.tokenKept()).isFalse();
    assertThat(signedIn.credentials().token()).isEqualTo(lastIssuedAccessToken(fixture));
    assertThat(failureOf(fixture.client.asUser(USER_ID).usersMe()).failure()).isEqualTo(TwitterFailure.NOT_SIGNED_IN);
  }

  @Test
  void userWithNoKeptTokenIsNotSignedInAndTwitterIsNotAsked(Vertx vertx) throws Exception {
    ClientFixture fixture = await(ClientFixture.start(vertx));

    TwitterFailureException call = failureOf(fixture.client.asUser("999").get("1.1/statuses/home_timeline.json", Map.of()));
    TwitterFailureException verify = failureOf(fixture.client.asUser("999").verifyCredentials(false));

    assertThat(call.failure()).isEqualTo(TwitterFailure.NOT_SIGNED_IN);
    assertThat(verify.failure()).isEqualTo(TwitterFailure.NOT_SIGNED_IN);
    assertThat(call.getMessage()).contains("999");
    assertThat(fixture.twitter.received()).isEmpty();
  }

  @Test
  void withSessionRetentionTheTokenGoesWithHerLastSignIn(Vertx vertx) throws Exception {
    ClientFixture fixture = await(ClientFixture.start(vertx));
    SignIn laptop = signIn(fixture);
    SignIn phone = signIn(fixture);
    String phoneToken = lastIssuedAccessToken(fixture);

    await(fixture.client.signOut(new SignOutRequest(USER_ID, laptop.signInId(), SignedOut.Reason.EXPIRED, false)));
    await(fixture.client.asUser(USER_ID).usersMe());
    assertThat(fixture.twitter.received().get(fixture.twitter.received().size() - 1).oauth())
        .as("one token is kept per user: the latest sign-in's")
        .containsEntry("oauth_token", phoneToken);

    await(fixture.client.signOut(new SignOutRequest(USER_ID, phone.signInId(), SignedOut.Reason.LOGOUT, false)));
    assertThat(failureOf(fixture.client.asUser(USER_ID).usersMe()).failure()).isEqualTo(TwitterFailure.NOT_SIGNED_IN);
  }

  @Test
  void untilRevokedAnExpiredSessionKeepsTheTokenAndASignOutRemovesIt(Vertx vertx) throws Exception {
    ClientFixture fixture = await(ClientFixture.start(vertx, new JsonObject().put("userTokenRetention", "until-revoked")));
    SignIn signedIn = signIn(fixture);

    await(fixture.client.signOut(new SignOutRequest(USER_ID, signedIn.signInId(), SignedOut.Reason.EXPIRED, false)));
    assertThat(await(fixture.client.asUser(USER_ID).usersMe()).id()).isEqualTo(USER_ID);

    SignIn again = signIn(fixture);
    await(fixture.client.signOut(new SignOutRequest(USER_ID, again.signInId(), SignedOut.Reason.LOGOUT, false)));
    assertThat(failureOf(fixture.client.asUser(USER_ID).usersMe()).failure()).isEqualTo(TwitterFailure.NOT_SIGNED_IN);
  }

  @Test
  void signOutWithRevokeInvalidatesHerTokenAtTwitterWhateverTheRetention(Vertx vertx) throws Exception {
    ClientFixture fixture = await(ClientFixture.start(vertx, new JsonObject().put("userTokenRetention", "until-revoked")));
    SignIn signedIn = signIn(fixture);
    String token = lastIssuedAccessToken(fixture);

    await(fixture.client.signOut(new SignOutRequest(USER_ID, signedIn.signInId(), SignedOut.Reason.EXPIRED, true)));

    ReceivedRequest last = fixture.twitter.received().get(fixture.twitter.received().size() - 1);
    assertThat(last.path()).isEqualTo("/1.1/oauth/invalidate_token");
    assertThat(last.oauth()).containsEntry("oauth_token", token);
    assertThat(fixture.twitter.secretOfAccessToken(token)).isNull();
    assertThat(failureOf(fixture.client.asUser(USER_ID).usersMe()).failure()).isEqualTo(TwitterFailure.NOT_SIGNED_IN);
  }

  @Test
  void tokenTwitterNoLongerTakesIsForgottenAndHerSignInSaidRevoked(Vertx vertx) throws Exception {
    ClientFixture fixture = await(ClientFixture.start(vertx, new JsonObject().put("userTokenRetention", "until-revoked")));
    List<JsonObject> signedOut = signedOutEvents(vertx);
    signIn(fixture);
    fixture.twitter.revokeAccessTokens();

    TwitterFailureException rejected = failureOf(
        fixture.client.asUser(USER_ID).get("1.1/statuses/home_timeline.json", Map.of()));
    int askedTwitter = fixture.twitter.received().size();
    TwitterFailureException afterwards = failureOf(fixture.client.asUser(USER_ID).usersMe());

    assertThat(rejected.failure()).isEqualTo(TwitterFailure.CREDENTIALS_REJECTED);
    assertThat(rejected.twitterErrorCode()).hasValue(89);
    assertThat(afterwards.failure()).isEqualTo(TwitterFailure.NOT_SIGNED_IN);
    assertThat(fixture.twitter.received()).as("the forgotten token is not tried again").hasSize(askedTwitter);
    assertThat(signedOut).singleElement().satisfies(event -> {
      assertThat(event.getString("userId")).isEqualTo(USER_ID);
      assertThat(event.getString("reason")).isEqualTo("revoked");
      assertThat(event.fieldNames()).containsExactlyInAnyOrder("userId", "reason", "at");
    });
  }

  @Test
  void otherRejectionsKeepTheToken(Vertx vertx) throws Exception {
    ClientFixture fixture = await(ClientFixture.start(vertx));
    List<JsonObject> signedOut = signedOutEvents(vertx);
    signIn(fixture);
    fixture.twitter.answer("/1.1/statuses/home_timeline.json", FakeTwitter.error(401, 32, "Could not authenticate you."));

    assertThat(failureOf(fixture.client.asUser(USER_ID).get("1.1/statuses/home_timeline.json", Map.of())).failure())
        .isEqualTo(TwitterFailure.CREDENTIALS_REJECTED);
    assertThat(await(fixture.client.asUser(USER_ID).usersMe()).id()).isEqualTo(USER_ID);
    assertThat(signedOut).isEmpty();
  }

  @Test
  void withUserCallsOffTheTokenIsAnsweredAndNamesAreRefused(Vertx vertx) throws Exception {
    ClientFixture fixture = await(ClientFixture.start(vertx,
        new JsonObject().put("userCalls", false).putNull("tokenEncryptionKeys")));

    SignIn signedIn = signIn(fixture);
    TwitterFailureException byId = failureOf(fixture.client.asUser(USER_ID).usersMe());
    TwitterFailureException signOut = failureOf(fixture.client.signOut(
        new SignOutRequest(USER_ID, "some-sign-in", SignedOut.Reason.LOGOUT, false)));

    assertThat(signedIn.tokenKept()).isFalse();
    assertThat(signedIn.credentials().token()).isEqualTo(lastIssuedAccessToken(fixture));
    assertThat(byId.failure()).isEqualTo(TwitterFailure.BAD_REQUEST);
    assertThat(byId.getMessage()).contains("USER_CALLS=off");
    assertThat(signOut.failure()).isEqualTo(TwitterFailure.BAD_REQUEST);
  }
}
