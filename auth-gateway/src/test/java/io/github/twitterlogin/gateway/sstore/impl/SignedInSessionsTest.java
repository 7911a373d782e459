package io.github.twitterlogin.gateway.sstore.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.AbstractMap;
import org.junit.jupiter.api.Test;

/** The cluster's count of signed-in sessions reads only the length that starts each stored value. */
class SignedInSessionsTest {

  private final SignedInSessions signedIn = new SignedInSessions();

  @Test
  void aValueWithASealedSignInCounts() {
    assertThat(signedIn.apply(entry(new byte[] {0, 0, 0, 1}))).isTrue();
    assertThat(signedIn.apply(entry(new byte[] {0, 0, 1, 0, 42, 42}))).isTrue();
  }

  @Test
  void aValueWithoutOneDoesNot() {
    assertThat(signedIn.apply(entry(new byte[] {0, 0, 0, 0, 42, 42}))).isFalse();
    assertThat(signedIn.apply(entry(new byte[] {0, 0, 1}))).isFalse();
    assertThat(signedIn.apply(entry(new byte[0]))).isFalse();
    assertThat(signedIn.apply(entry(null))).isFalse();
  }

  private static AbstractMap.SimpleEntry<String, byte[]> entry(byte[] value) {
    return new AbstractMap.SimpleEntry<>("key", value);
  }
}
