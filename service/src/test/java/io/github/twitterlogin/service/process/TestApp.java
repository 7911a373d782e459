package io.github.twitterlogin.service.process;

import java.util.UUID;

/**
 * The app a test class registers with its sandbox, and signs as: an OAuth 1.0a consumer and an
 * OAuth 2.0 client. Its secrets are new for every class, and hold characters that
 * percent-encoding changes, so that the search of the logs looks for a secret in both forms.
 */
public record TestApp(String key, String secret, String clientId, String clientSecret) {

  public static TestApp create() {
    return new TestApp("process-test-app", "process/test+secret&" + UUID.randomUUID() + "=",
        "process-test-client", "process/client+secret&" + UUID.randomUUID() + "=");
  }
}
