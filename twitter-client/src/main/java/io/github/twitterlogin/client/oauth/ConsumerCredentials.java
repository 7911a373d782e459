package io.github.twitterlogin.client.oauth;

/** The app's consumer key (API key) and consumer secret. */
public record ConsumerCredentials(String key, String secret) {

  public ConsumerCredentials {
    if (key == null || key.isBlank() || secret == null || secret.isBlank()) {
      throw new IllegalArgumentException("The consumer key and secret are required");
    }
  }

  @Override
  public String toString() {
    return "ConsumerCredentials[key=" + key + ", secret=(hidden)]";
  }
}
