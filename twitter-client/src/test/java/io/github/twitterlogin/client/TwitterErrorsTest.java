package io.github.twitterlogin.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.twitterlogin.client.TwitterErrors.TwitterError;
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
