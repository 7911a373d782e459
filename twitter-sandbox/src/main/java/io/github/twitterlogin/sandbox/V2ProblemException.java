package io.github.twitterlogin.sandbox;

/** A refusal that only the v2 API gives, carried to the failure handler. */
final class V2ProblemException extends RuntimeException {

  private final V2Problem problem;

  V2ProblemException(V2Problem problem) {
    super(problem.body().getString("title"), null, false, false);
    this.problem = problem;
  }

  V2Problem problem() {
    return problem;
  }
}
