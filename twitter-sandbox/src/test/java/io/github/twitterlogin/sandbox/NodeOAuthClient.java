package io.github.twitterlogin.sandbox;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A second OAuth 1.0a client, written apart from the project's signer and sharing nothing with
 * {@code io.github.twitterlogin.client.oauth}: its own percent-encoding, base string, HMAC-SHA1
 * and header, each made the way node-oauth 0.10 (the signer of passport-twitter) makes it
 * ({@code lib/oauth.js}): {@code encodeURIComponent} with {@code !'()*} escaped too, the
 * parameters of a request (protocol, query and form) in one map, sorted by encoded name then
 * value, {@code oauth_version="1.0"}, a 32-character alphanumeric nonce, {@code
 * Math.floor(Date.now() / 1000)} as the timestamp, the header's parameters sorted with the
 * signature last, joined by {@code ","} without spaces, and {@code Content-Type:
 * application/x-www-form-urlencoded} with a {@code Content-Length} on every request, a GET's 0.
 * Called from the test thread; it blocks on each answer.
 */
final class NodeOAuthClient {

  /** What came back: node-oauth hands its callback the status, the body and the headers. */
  record Answer(int status, String body, MultiMap headers) {

    /** The answer of a token step, {@code a=b&c=d}, decoded. */
    Map<String, String> form() {
      Map<String, String> values = new LinkedHashMap<>();
      for (String pair : body.split("&")) {
        int equals = pair.indexOf('=');
        values.put(decode(pair.substring(0, equals)), decode(pair.substring(equals + 1)));
      }
      return values;
    }
  }

  private static final char[] NONCE_CHARS =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();
  private static final String UNESCAPED_BY_ENCODE_URI_COMPONENT =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.!~*'()";
  private static final int NONCE_SIZE = 32;
  /** JavaScript's {@code <} on strings, which node-oauth sorts with: UTF-16 units, here ASCII. */
  private static final Comparator<String[]> BY_NAME_THEN_VALUE =
      Comparator.<String[], String>comparing(pair -> pair[0]).thenComparing(pair -> pair[1]);

  private final WebClient http;
  private final String baseUrl;
  private final String consumerKey;
  private final String consumerSecret;
  private final String callback;
  private final SecureRandom random = new SecureRandom();
  private String version = "1.0";

  NodeOAuthClient(WebClient http, String baseUrl, String consumerKey, String consumerSecret, String callback) {
    this.http = http;
    this.baseUrl = baseUrl;
    this.consumerKey = consumerKey;
    this.consumerSecret = consumerSecret;
    this.callback = callback;
  }

  /** Signs with another {@code oauth_version}, or without one when null (node-oauth's constructor takes it). */
  NodeOAuthClient version(String oauthVersion) {
    this.version = oauthVersion;
    return this;
  }

  /** {@code getOAuthRequestToken(extraParams)}: the callback joins the protocol parameters, the rest the form. */
  Answer requestToken(Map<String, String> extraParams) {
    Map<String, String> parameters = new LinkedHashMap<>(extraParams);
    parameters.put("oauth_callback", callback);
    return send(HttpMethod.POST, baseUrl + "/oauth/request_token", null, null, parameters);
  }

  /** {@code getOAuthAccessToken(token, secret, verifier)}. */
  Answer accessToken(String token, String tokenSecret, String verifier) {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("oauth_verifier", verifier);
    return send(HttpMethod.POST, baseUrl + "/oauth/access_token", token, tokenSecret, parameters);
  }

  /** {@code get(url, token, secret)}: the query is signed, the body is empty. */
  Answer get(String pathAndQuery, String token, String tokenSecret) {
    return send(HttpMethod.GET, baseUrl + pathAndQuery, token, tokenSecret, Map.of());
  }

  Answer post(String pathAndQuery, String token, String tokenSecret, Map<String, String> form) {
    return send(HttpMethod.POST, baseUrl + pathAndQuery, token, tokenSecret, form);
  }

  /** {@code _performSecureRequest}: protocol parameters to the header, the others (POST, PUT) to the body. */
  Answer send(HttpMethod method, String url, String token, String tokenSecret, Map<String, String> extraParams) {
    return sendWithHeader(method, url, authorization(method, url, token, tokenSecret, extraParams), extraParams);
  }

  /** Sends a request with an Authorization header a test wrote, the body made as node-oauth makes it. */
  Answer sendWithHeader(HttpMethod method, String url, String authorization, Map<String, String> extraParams) {
    StringBuilder body = new StringBuilder();
    if (method == HttpMethod.POST || method == HttpMethod.PUT) {
      extraParams.forEach((name, value) -> {
        if (!isOAuthParameter(name)) {
          body.append(body.length() == 0 ? "" : "&").append(encodeData(name)).append('=').append(encodeData(value));
        }
      });
    }
    byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
    HttpRequest<Buffer> request = http.requestAbs(method, url)
        .putHeader("Authorization", authorization)
        .putHeader("Accept", "*/*")
        .putHeader("User-Agent", "Node authentication")
        .putHeader("Content-Length", Integer.toString(bytes.length))
        .putHeader("Content-Type", "application/x-www-form-urlencoded");
    try {
      HttpResponse<Buffer> answer = request.sendBuffer(Buffer.buffer(bytes)).await(20, TimeUnit.SECONDS);
      return new Answer(answer.statusCode(), answer.bodyAsString() == null ? "" : answer.bodyAsString(),
          answer.headers());
    } catch (Exception failed) {
      throw new AssertionError("The sandbox did not answer " + method + " " + url, failed);
    }
  }

  /** {@code _prepareParameters} and {@code _buildAuthorizationHeaders}. */
  String authorization(HttpMethod method, String url, String token, String tokenSecret,
      Map<String, String> extraParams) {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("oauth_timestamp", Long.toString(System.currentTimeMillis() / 1000));
    parameters.put("oauth_nonce", nonce());
    if (version != null) {
      parameters.put("oauth_version", version);
    }
    parameters.put("oauth_signature_method", "HMAC-SHA1");
    parameters.put("oauth_consumer_key", consumerKey);
    if (token != null) {
      parameters.put("oauth_token", token);
    }
    parameters.putAll(extraParams);
    String query = URI.create(url).getRawQuery();
    if (query != null) {
      for (String pair : query.split("&")) {
        int equals = pair.indexOf('=');
        parameters.put(decode(equals < 0 ? pair : pair.substring(0, equals)),
            equals < 0 ? "" : decode(pair.substring(equals + 1)));
      }
    }
    String signature = signature(method.name(), url, normalisedParameters(parameters), tokenSecret);
    List<String[]> ordered = sorted(parameters);
    ordered.add(new String[] {"oauth_signature", signature});
    List<String> header = new ArrayList<>();
    for (String[] pair : ordered) {
      if (isOAuthParameter(pair[0])) {
        header.add(encodeData(pair[0]) + "=\"" + encodeData(pair[1]) + "\"");
      }
    }
    return "OAuth " + String.join(",", header);
  }

  private String signature(String method, String url, String parameters, String tokenSecret) {
    String base = method.toUpperCase(Locale.ROOT) + "&" + encodeData(normalizedUrl(url)) + "&" + encodeData(parameters);
    String key = encodeData(consumerSecret) + "&" + encodeData(tokenSecret == null ? "" : tokenSecret);
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      return Base64.getEncoder().encodeToString(mac.doFinal(base.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException noHmac) {
      throw new IllegalStateException(noHmac);
    }
  }

  /** {@code _normalizeUrl}: scheme, lower-case host, the port unless it is the scheme's, the path. */
  private static String normalizedUrl(String url) {
    URI parsed = URI.create(url);
    String scheme = parsed.getScheme().toLowerCase(Locale.ROOT);
    int port = parsed.getPort();
    boolean defaultPort = port == -1 || scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443;
    String path = parsed.getRawPath() == null || parsed.getRawPath().isEmpty() ? "/" : parsed.getRawPath();
    return scheme + "://" + parsed.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port) + path;
  }

  /** {@code _normaliseRequestParams}: each name and value encoded, sorted, {@code name=value} joined by {@code &}. */
  private static String normalisedParameters(Map<String, String> parameters) {
    List<String[]> encoded = new ArrayList<>();
    parameters.forEach((name, value) -> encoded.add(new String[] {encodeData(name), encodeData(value)}));
    encoded.sort(BY_NAME_THEN_VALUE);
    List<String> pairs = new ArrayList<>();
    for (String[] pair : encoded) {
      pairs.add(pair[0] + "=" + pair[1]);
    }
    return String.join("&", pairs);
  }

  /** {@code _sortRequestParams} over the pairs as they are, not encoded: the header's order. */
  private static List<String[]> sorted(Map<String, String> parameters) {
    List<String[]> pairs = new ArrayList<>();
    parameters.forEach((name, value) -> pairs.add(new String[] {name, value}));
    pairs.sort(BY_NAME_THEN_VALUE);
    return pairs;
  }

  private String nonce() {
    char[] nonce = new char[NONCE_SIZE];
    for (int i = 0; i < nonce.length; i++) {
      nonce[i] = NONCE_CHARS[random.nextInt(NONCE_CHARS.length)];
    }
    return new String(nonce);
  }

  private static boolean isOAuthParameter(String name) {
    return name.startsWith("oauth_");
  }

  /** {@code _encodeData}: JavaScript's {@code encodeURIComponent}, then {@code !'()*} escaped as well. */
  static String encodeData(String value) {
    StringBuilder encoded = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if (b >= 0 && UNESCAPED_BY_ENCODE_URI_COMPONENT.indexOf(c) >= 0) {
        encoded.append(c);
      } else {
        encoded.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return encoded.toString().replace("!", "%21").replace("'", "%27").replace("(", "%28").replace(")", "%29")
        .replace("*", "%2A");
  }

  /** {@code querystring.unescape}: {@code +} is a space, then percent-decoding. */
  private static String decode(String value) {
    return URLDecoder.decode(value, StandardCharsets.UTF_8);
  }
}
