package io.github.twitterlogin.sandbox;

import com.github.scribejava.core.services.TimestampService;

/** A ScribeJava timestamp service that signs with the nonce and timestamp a test chooses. */
record FixedTimestamps(String nonce, long epochSeconds) implements TimestampService {

  @Override
  public String getTimestampInSeconds() {
    return Long.toString(epochSeconds);
  }

  @Override
  public String getNonce() {
    return nonce;
  }
}
