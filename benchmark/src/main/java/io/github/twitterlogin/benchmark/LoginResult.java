package io.github.twitterlogin.benchmark;

/**
 * One login of a virtual user, times from {@link System#nanoTime}.
 *
 * @param gatewayNanos the time spent in requests to the gateways
 * @param providerNanos the time spent in requests to the provider (the sandbox)
 * @param failedStep null for a login that reached {@code /app} and got the user
 * @param failure what went wrong, for the report's samples; never a response body
 */
record LoginResult(long startNanos, long endNanos, long gatewayNanos, long providerNanos, Step failedStep,
    String failure) {

  boolean succeeded() {
    return failedStep == null;
  }

  long latencyNanos() {
    return endNanos - startNanos;
  }

  long gatewayAddedNanos() {
    return gatewayNanos - providerNanos;
  }
}
