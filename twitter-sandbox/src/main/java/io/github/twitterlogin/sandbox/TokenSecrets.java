package io.github.twitterlogin.sandbox;

import java.util.Optional;

/** Where the verifier finds a token's secret: empty when the token is unknown, used, expired or revoked. */
@FunctionalInterface
interface TokenSecrets {

  /** For a step that takes no token: any token is one Twitter does not know here. */
  TokenSecrets NONE = (consumer, token) -> Optional.empty();

  Optional<String> secretOf(SandboxConsumer consumer, String token);
}
