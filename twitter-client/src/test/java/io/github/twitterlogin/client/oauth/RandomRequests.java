package io.github.twitterlogin.client.oauth;

import io.github.twitterlogin.shared.TokenCredentials;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/** Requests to sign, drawn from a seeded {@link Random} so that any one of them can be drawn again. */
final class RandomRequests {

  private static final String[] METHODS = {"GET", "POST", "PUT", "DELETE"};
  private static final String[] HOSTS = {"api.twitter.com", "photos.example.net", "example.com", "127.0.0.1", "localhost"};
  private static final String[] HTTP_PORTS = {"", "", ":80", ":8080", ":443"};
  private static final String[] HTTPS_PORTS = {"", "", ":443", ":8443", ":80"};
  /**
   * Path segments as sent, some already percent-encoded. None holds a ':', because ScribeJava
   * strips any ":80" from an http URL's path; that deviation is pinned in
   * {@link ScribeJavaCrossCheckTest#scribeJavaDropsColon80FromThePath()}.
   */
  private static final String[] PATH_SEGMENTS = {
      "1.1", "statuses", "update.json", "oauth", "request_token", "r%20v", "caf%C3%A9", "a-b_c.d~e", "X", "%2F"};
  private static final String[] NAMES = {
      "status", "q", "include_entities", "a", "a b", "a3", "c@", "count", "screen_name", "A", "x!", "名前", "ß", "x=y"};
  private static final String ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  private static final String UNRESERVED = "-._~";
  private static final String SPECIALS = "!*'()~+%&= ";
  private static final String RESERVED = ":/?#[]@$,;\"<>\\^`{|}";
  private static final String[] NON_ASCII = {"é", "ü", "ß", "ñ", "中", "日本", "한", "Ω", "€", "\u00a0"};
  private static final String[] EMOJI = {"😀", "🎉", "👍🏽", "🐦", "❤️"};

  private final Random random;

  RandomRequests(Random random) {
    this.random = random;
  }

  /** A request with every part random, and what the signer draws from its clock and nonces. */
  record Request(
      String method, String origin, String path, List<Parameter> query, List<Parameter> form,
      ConsumerCredentials consumer, TokenCredentials token, List<Parameter> extraProtocolParameters,
      String nonce, long timestamp, boolean sendVersion) {

    /** The host-and-path part of the URL, without the query, as ScribeJava takes it. */
    String urlWithoutQuery() {
      return origin + path;
    }
  }

  Request next() {
    String method = pick(METHODS);
    boolean https = random.nextBoolean();
    String host = random.nextInt(5) == 0 ? mixedCase(pick(HOSTS)) : pick(HOSTS);
    String origin = (https ? "https://" : "http://") + host + pick(https ? HTTPS_PORTS : HTTP_PORTS);
    boolean withForm = method.equals("POST") || method.equals("PUT");
    TokenCredentials token = random.nextInt(4) == 0 ? null : new TokenCredentials(secret(), secret());
    return new Request(method, origin, path(), parameters(), withForm ? parameters() : List.of(),
        new ConsumerCredentials(secret(), secret()), token, extraProtocolParameters(token),
        random.nextInt(4) == 0 ? text(12) + "n" : secret(), random.nextInt(Integer.MAX_VALUE), random.nextBoolean());
  }

  private String path() {
    StringBuilder path = new StringBuilder();
    int segments = random.nextInt(4);
    for (int i = 0; i < segments; i++) {
      path.append('/').append(pick(PATH_SEGMENTS));
    }
    return path.isEmpty() ? "/" : path.toString();
  }

  /** Up to five parameters; names repeat and values may be empty, as both are legal (RFC 5849 section 3.4.1.3). */
  private List<Parameter> parameters() {
    List<Parameter> parameters = new ArrayList<>();
    int count = random.nextInt(6);
    for (int i = 0; i < count; i++) {
      String name = !parameters.isEmpty() && random.nextInt(4) == 0
          ? parameters.get(random.nextInt(parameters.size())).name()
          : random.nextInt(3) == 0 ? text(6) + "n" : pick(NAMES);
      String value = random.nextInt(6) == 0 ? "" : text(12);
      parameters.add(new Parameter(name, value));
    }
    return parameters;
  }

  private List<Parameter> extraProtocolParameters(TokenCredentials token) {
    if (random.nextBoolean()) {
      return List.of();
    }
    return token == null
        ? List.of(new Parameter("oauth_callback", "https://app.example/callback?next=" + text(8)))
        : List.of(new Parameter("oauth_verifier", secret()));
  }

  private String secret() {
    return text(20) + pick(ALPHANUMERIC.split(""));
  }

  private String text(int maxLength) {
    int length = random.nextInt(maxLength + 1);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      text.append(switch (random.nextInt(10)) {
        case 0, 1, 2, 3 -> pick(ALPHANUMERIC.split(""));
        case 4 -> pick(UNRESERVED.split(""));
        case 5, 6 -> pick(SPECIALS.split(""));
        case 7 -> pick(RESERVED.split(""));
        case 8 -> pick(NON_ASCII);
        default -> pick(EMOJI);
      });
    }
    return text.toString();
  }

  private String mixedCase(String host) {
    StringBuilder mixed = new StringBuilder();
    for (char c : host.toCharArray()) {
      mixed.append(random.nextBoolean() ? Character.toUpperCase(c) : c);
    }
    String result = mixed.toString();
    return result.equals(host) ? host.toUpperCase(Locale.ROOT) : result;
  }

  private String pick(String[] choices) {
    return choices[random.nextInt(choices.length)];
  }
}
