package io.github.twitterlogin.service.testing;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every secret the tests of this JVM have seen issued or configured: consumer secrets, request-
 * and access-token secrets, verifiers. {@link SecretsStayOutOfLogs} looks for each of them in the
 * logs. Each secret is known by its kind and number ("verifier #3"), never printed itself.
 */
public final class SecretLedger {

  /** A secret and the name it is reported under. */
  public record Secret(String label, String value) {

    @Override
    public String toString() {
      return label;
    }
  }

  private static final Map<String, Secret> BY_VALUE = new ConcurrentHashMap<>();
  private static final Map<String, AtomicInteger> COUNT_BY_KIND = new ConcurrentHashMap<>();

  private SecretLedger() {
  }

  /** Records a secret once, whatever else records it again; null and blank values are ignored. */
  public static void record(String kind, String value) {
    if (value == null || value.isBlank()) {
      return;
    }
    BY_VALUE.computeIfAbsent(value, secret -> new Secret(
        kind + " #" + COUNT_BY_KIND.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet(), secret));
  }

  public static List<Secret> all() {
    return List.copyOf(BY_VALUE.values());
  }

  /** How many secrets of this kind have been recorded: a test shows the ledger is not empty. */
  public static int count(String kind) {
    AtomicInteger count = COUNT_BY_KIND.get(kind);
    return count == null ? 0 : count.get();
  }
}
