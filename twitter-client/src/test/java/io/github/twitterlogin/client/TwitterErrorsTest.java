package io.github.twitterlogin.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.twitterlogin.client.TwitterErrors.TwitterError;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Twitter's error bodies, JSON from the API and XML from the OAuth endpoints. */
class TwitterErrorsTest {

  @Test
  void jsonErrorGivesTheFirstCodeAndMessage() {
    assertThat(TwitterErrors.errorIn(
        "{\"errors\":[{\"code\":89,\"message\":\"Invalid or expired token.\"},{\"code\":32,\"message\":\"x\"}]}"))
        .isEqualTo(new TwitterError(89, "Invalid or expired token."));
  }

  @Test
  void jsonErrorFieldGivesAMessageWithoutCode() {
    assertThat(TwitterErrors.errorIn("{\"request\":\"/1.1/x.json\",\"error\":\"Not authorized.\"}"))
        .isEqualTo(new TwitterError(null, "Not authorized."));
  }

  @Test
  void xmlErrorGivesTheCodeAndMessage() {
    assertThat(TwitterErrors.errorIn("<?xml version=\"1.0\" encoding=\"UTF-8\"?><errors>"
        + "<error code=\"415\">Callback URL not approved for this client application.</error></errors>"))
        .isEqualTo(new TwitterError(415, "Callback URL not approved for this client application."));
  }

  @Test
  void v2ProblemGivesItsTitleTypeAndDetail() {
    assertThat(TwitterErrors.errorIn("{\"title\":\"Client Forbidden\",\"detail\":\"Attach the app to a project.\","
        + "\"type\":\"https://api.x.com/2/problems/client-forbidden\",\"status\":403}"))
        .isEqualTo(new TwitterError(null,
            "Client Forbidden (https://api.x.com/2/problems/client-forbidden): Attach the app to a project."));
  }

  @Test
  void v2ProblemOfTheGenericTypeSaysItsTitleOnce() {
    assertThat(TwitterErrors.errorIn(
        "{\"title\":\"Unauthorized\",\"type\":\"about:blank\",\"status\":401,\"detail\":\"Unauthorized\"}"))
        .isEqualTo(new TwitterError(null, "Unauthorized"));
  }

  @Test
  void v2ErrorsListGivesTheProblemAndTheFirstError() {
    assertThat(TwitterErrors.errorIn("{\"errors\":[{\"parameters\":{\"id\":[\"x\"]},\"message\":\"The id is not valid\"}],"
        + "\"title\":\"Invalid Request\",\"detail\":\"One or more parameters to your request was invalid.\","
        + "\"type\":\"about:blank\"}"))
        .isEqualTo(new TwitterError(null,
            "Invalid Request: One or more parameters to your request was invalid.; The id is not valid"));
  }

  @Test
  void v2ErrorWithoutMessageGivesItsDetail() {
    assertThat(TwitterErrors.errorIn("{\"errors\":[{\"title\":\"Not Found Error\",\"detail\":\"Could not find user\"}]}"))
        .isEqualTo(new TwitterError(null, "Could not find user"));
  }

  @Test
  void secretAcrossTheCutIsHiddenBeforeTheCut() {
    String secret = "secret-across-the-cut";
    String body = "{\"errors\":[{\"code\":32,\"message\":\"" + "x".repeat(190) + secret + "\"}]}";
    String message = TwitterErrors.errorIn(body, new SecretRedaction(List.of(secret))).message();
    assertThat(message).endsWith(SecretRedaction.HIDDEN).doesNotContain("secret-");
  }

  @Test
  void bodyWithoutATwitterErrorGivesNothing() {
    assertThat(TwitterErrors.errorIn("<html><body>Over capacity</body></html>")).isEqualTo(TwitterError.NONE);
    assertThat(TwitterErrors.errorIn("{\"errors\":\"not a list\"}")).isEqualTo(TwitterError.NONE);
    assertThat(TwitterErrors.errorIn("{not json")).isEqualTo(TwitterError.NONE);
  }

  @Test
  void messageIsCutShortAndFreeOfLineBreaks() {
    String message = TwitterErrors.errorIn("{\"errors\":[{\"code\":131,\"message\":\"line one\\r\\nline two "
        + "x".repeat(500) + "\"}]}").message();
    assertThat(message).startsWith("line one line two").doesNotContain("\n", "\r").hasSizeLessThanOrEqualTo(203);
  }
}
