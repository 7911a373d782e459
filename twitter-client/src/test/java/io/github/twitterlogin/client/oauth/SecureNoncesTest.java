package io.github.twitterlogin.client.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Each thread draws its own nonces: they stay 160-bit hex and never repeat across threads. */
class SecureNoncesTest {

  private static final int THREADS = 4;
  private static final int NONCES_PER_THREAD = 5_000;

  @Test
  void noncesFromSeveralThreadsAreHexAndAllDifferent() throws Exception {
    Supplier<String> nonces = OAuthSigner.secureNonces();
    Set<String> seen = ConcurrentHashMap.newKeySet();
    ExecutorService threads = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> drawn = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        drawn.add(threads.submit(() -> {
          for (int i = 0; i < NONCES_PER_THREAD; i++) {
            String nonce = nonces.get();
            assertThat(nonce).matches("[0-9a-f]{40}");
            seen.add(nonce);
          }
        }));
      }
      for (Future<?> thread : drawn) {
        thread.get(60, TimeUnit.SECONDS);
      }
    } finally {
      threads.shutdownNow();
    }
    assertThat(seen).hasSize(THREADS * NONCES_PER_THREAD);
  }
}
