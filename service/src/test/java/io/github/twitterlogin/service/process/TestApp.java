package io.github.twitterlogin.service.process;

import java.util.UUID;

/**
 * The app a test class registers with its sandbox, and signs as. Its secret is new for every
 * class, and holds characters that percent-encoding changes, so that the search of the logs
 * looks for a secret in both forms.
 */
public record TestApp(String key, String secret) {

  public static TestApp create() {
    return new TestApp("process-test-app", "process/test+secret&" + UUID.randomUUID() + "=");
  }
}
