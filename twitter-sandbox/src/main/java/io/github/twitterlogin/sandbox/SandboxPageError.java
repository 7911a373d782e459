package io.github.twitterlogin.sandbox;

/** A refusal on one of the sandbox's own pages, shown as a page rather than Twitter's JSON. */
final class SandboxPageError extends RuntimeException {

  private final int status;
  private final String title;

  SandboxPageError(int status, String title, String message) {
    super(message, null, false, false);
    this.status = status;
    this.title = title;
  }

  int status() {
    return status;
  }

  String title() {
    return title;
  }
}
