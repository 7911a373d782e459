package io.github.twitterlogin.benchmark;

/** The requests of one login, in their order; an error is counted against the step it happened in. */
enum Step {
  AUTH("auth", "GET /auth on the first gateway: 302 to the provider"),
  AUTHENTICATE("authenticate", "GET the provider's authenticate URL: auto-approve answers 302 to the callback"),
  CALLBACK("callback", "GET /callback on the other gateway: 302 to /app"),
  APP("app", "GET /app as JSON: 200 and the user");

  private final String key;
  private final String meaning;

  Step(String key, String meaning) {
    this.key = key;
    this.meaning = meaning;
  }

  String key() {
    return key;
  }

  String meaning() {
    return meaning;
  }
}
