package io.github.twitterlogin.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.twitterlogin.client.FakeTwitter.ReceivedRequest;
import io.github.twitterlogin.shared.ApiRequest;
import io.github.twitterlogin.shared.RateLimit;
import io.github.twitterlogin.shared.TokenCredentials;
import io.github.twitterlogin.shared.TwitterFailure;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class ApiCallTest {

  private static final String UPDATE = "1.1/statuses/update.json";
  private static final String SHOW_USER = "1.1/users/show.json";

  private ClientFixture fixture;

  @BeforeEach
  void start(Vertx vertx, VertxTestContext testContext) {
    ClientFixture.start(vertx).onComplete(testContext.succeeding(started -> {
      fixture = started;
      testContext.completeNow();
    }));
  }

  @Test
  void duplicateNamesAndNonAsciiValuesAreSignedAndSentInOrder(VertxTestContext testContext) {
    Map<String, List<String>> query = new LinkedHashMap<>();
    query.put("include_entities", List.of("true"));
    query.put("q", List.of("a b", "a b", "é😀", ""));
    Map<String, List<String>> form = new LinkedHashMap<>();
    form.put("status", List.of("Hello Ladies + Gentlemen, a signed OAuth request!", "日本語 !*'()~+%&="));
    form.put("media_ids", List.of("1", ""));
    ApiRequest request = new ApiRequest("POST", UPDATE, query, form, FakeTwitter.USER_TOKEN);
    Outcome.succeeds(testContext, fixture.client.call(request), response -> {
      ReceivedRequest received = fixture.twitter.onlyRequest();
      assertThat(received.method()).isEqualTo("POST");
      assertThat(received.path()).isEqualTo("/" + UPDATE);
      assertThat(received.contentType()).isEqualTo("application/x-www-form-urlencoded");
      assertThat(received.query()).containsExactly(Map.entry("include_entities", "true"),
          Map.entry("q", "a b"), Map.entry("q", "a b"), Map.entry("q", "é😀"), Map.entry("q", ""));
      assertThat(received.form()).containsExactly(
          Map.entry("status", "Hello Ladies + Gentlemen, a signed OAuth request!"),
          Map.entry("status", "日本語 !*'()~+%&="), Map.entry("media_ids", "1"), Map.entry("media_ids", ""));
      assertThat(response.status()).isEqualTo(200);
      assertThat(response.bodyAsJsonObject().getJsonArray("form").getJsonArray(1))
          .isEqualTo(new JsonArray().add("status").add("日本語 !*'()~+%&="));
    });
  }

  @Test
  void getCarriesItsQueryAndNoBody(VertxTestContext testContext) {
    ApiRequest request = ApiRequest.get("1.1/search/tweets.json",
        Map.of("q", List.of("#vertx OR @twitterdev")), FakeTwitter.USER_TOKEN);
    Outcome.succeeds(testContext, fixture.client.call(request), response -> {
      ReceivedRequest received = fixture.twitter.onlyRequest();
      assertThat(received.method()).isEqualTo("GET");
      assertThat(received.query()).containsExactly(Map.entry("q", "#vertx OR @twitterdev"));
      assertThat(received.contentType()).isNull();
      assertThat(response.status()).isEqualTo(200);
    });
  }

  @Test
  void responseCarriesTheRateLimitAndContentType(VertxTestContext testContext) {
    Outcome.succeeds(testContext, fixture.client.call(ApiRequest.get(SHOW_USER, Map.of(), FakeTwitter.USER_TOKEN)),
        response -> {
          assertThat(response.rateLimit()).isEqualTo(new RateLimit(900, 899, FakeTwitter.RATE_LIMIT_RESET));
          assertThat(response.contentType()).isEqualTo("application/json;charset=utf-8");
        });
  }

  @Test
  void notFoundIsRepliedAsTwitterGaveIt(VertxTestContext testContext) {
    fixture.twitter.answer("/" + SHOW_USER, FakeTwitter.error(404, 50, "User not found."));
    Outcome.succeeds(testContext, fixture.client.call(ApiRequest.get(SHOW_USER, Map.of(), FakeTwitter.USER_TOKEN)),
        response -> {
          assertThat(response.status()).isEqualTo(404);
          assertThat(response.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0).getInteger("code")).isEqualTo(50);
        });
  }

  @Test
  void forbiddenIsRepliedAsTwitterGaveIt(VertxTestContext testContext) {
    fixture.twitter.answer("/" + UPDATE, FakeTwitter.error(403, 187, "Status is a duplicate."));
    ApiRequest request = ApiRequest.post(UPDATE, Map.of("status", List.of("again")), FakeTwitter.USER_TOKEN);
    Outcome.succeeds(testContext, fixture.client.call(request), response -> {
      assertThat(response.status()).isEqualTo(403);
      assertThat(response.body()).contains("Status is a duplicate.");
    });
  }

  @Test
  void unknownTokenFailsAsRejectedCredentials(VertxTestContext testContext) {
    ApiRequest request = ApiRequest.get(SHOW_USER, Map.of(), new TokenCredentials("nobody", "nothing"));
    Outcome.failsWith(testContext, fixture.client.call(request), TwitterFailure.CREDENTIALS_REJECTED,
        failure -> assertThat(failure.twitterErrorCode()).hasValue(89));
  }

  @Test
  void rateLimitedCallFailsWithTheResetTime(VertxTestContext testContext) {
    fixture.twitter.answer("/" + SHOW_USER, ctx -> {
      ctx.response().putHeader("x-rate-limit-reset", "1700000900");
      FakeTwitter.error(429, 88, "Rate limit exceeded").handle(ctx);
    });
    Outcome.failsWith(testContext, fixture.client.call(ApiRequest.get(SHOW_USER, Map.of(), FakeTwitter.USER_TOKEN)),
        TwitterFailure.RATE_LIMITED, failure -> {
          assertThat(failure.rateLimitReset()).hasValue(Instant.ofEpochSecond(1_700_000_900L));
          assertThat(failure.twitterErrorCode()).hasValue(88);
        });
  }

  @Test
  void serverErrorOfACallFails(VertxTestContext testContext) {
    fixture.twitter.answer("/" + SHOW_USER, FakeTwitter.error(503, 130, "Over capacity"));
    Outcome.failsWith(testContext, fixture.client.call(ApiRequest.get(SHOW_USER, Map.of(), FakeTwitter.USER_TOKEN)),
        TwitterFailure.TWITTER_ERROR, failure -> {
          assertThat(failure.twitterErrorCode()).hasValue(130);
          assertThat(failure.getMessage()).contains("503", "Over capacity");
        });
  }
}
