package io.github.twitterlogin.client.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Each thread keeps its Mac and last key: a new key must take effect, and threads must not share one. */
class HmacSha1SignatureTest {

  private static final int THREADS = 4;
  private static final int SIGNATURES_PER_THREAD = 2_000;

  @Test
  void aNewKeyOnTheSameThreadTakesEffect() throws Exception {
    assertThat(HmacSha1Signature.sign("base", "consumer", "a")).isEqualTo(reference("base", "consumer&a"));
    assertThat(HmacSha1Signature.sign("base", "consumer", "b")).isEqualTo(reference("base", "consumer&b"));
    assertThat(HmacSha1Signature.sign("base", "consumer", null)).isEqualTo(reference("base", "consumer&"));
    assertThat(HmacSha1Signature.sign("other", "consumer", null)).isEqualTo(reference("other", "consumer&"));
    assertThat(HmacSha1Signature.sign("other", "consumer", "")).isEqualTo(reference("other", "consumer&"));
    assertThat(HmacSha1Signature.sign("other", "another-consumer", "")).isEqualTo(reference("other", "another-consumer&"));
    assertThat(HmacSha1Signature.sign("other", "another-consumer", "b")).isEqualTo(reference("other", "another-consumer&b"));
  }

  @Test
  void secretsArePercentEncodedIntoTheKey() throws Exception {
    assertThat(HmacSha1Signature.sign("base", "c&s é", "t+s")).isEqualTo(reference("base", "c%26s%20%C3%A9&t%2Bs"));
  }

  @Test
  void threadsSigningWithTheirOwnKeysAtOnceGetTheirOwnSignatures() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<Integer>> wrong = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        wrong.add(threads.submit(() -> {
          int mismatches = 0;
          for (int i = 0; i < SIGNATURES_PER_THREAD; i++) {
            String tokenSecret = "secret-" + thread + "-" + (i % 3);
            String baseString = "POST&base&" + i;
            if (!HmacSha1Signature.sign(baseString, "consumer", tokenSecret)
                .equals(reference(baseString, "consumer&" + tokenSecret))) {
              mismatches++;
            }
          }
          return mismatches;
        }));
      }
      for (Future<Integer> count : wrong) {
        assertThat(count.get(60, TimeUnit.SECONDS)).isZero();
      }
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void signaturesMatchOnlyWhenTheyAreEqual() {
    assertThat(HmacSha1Signature.matches("abc=", "abc=")).isTrue();
    assertThat(HmacSha1Signature.matches("abc=", "abd=")).isFalse();
    assertThat(HmacSha1Signature.matches("abc=", "abc")).isFalse();
    assertThat(HmacSha1Signature.matches(null, "abc=")).isFalse();
    assertThat(HmacSha1Signature.matches("abc=", null)).isFalse();
  }

  private static String reference(String baseString, String key) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA1");
    mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
    return Base64.getEncoder().encodeToString(mac.doFinal(baseString.getBytes(StandardCharsets.UTF_8)));
  }
}
