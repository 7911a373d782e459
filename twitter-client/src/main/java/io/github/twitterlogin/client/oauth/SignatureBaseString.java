package io.github.twitterlogin.client.oauth;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** RFC 5849 section 3.4.1: the text that an OAuth 1.0a signature is computed over. */
public final class SignatureBaseString {

  private SignatureBaseString() {
  }

  /**
   * @param url the request URL as sent, with its query
   * @param formParameters the decoded {@code application/x-www-form-urlencoded} body, or none
   * @param protocolParameters the {@code oauth_*} parameters, without {@code oauth_signature} and
   *     {@code realm} (section 3.4.1.3.1 leaves both out)
   */
  public static String create(
      String method, URI url, List<Parameter> formParameters, List<Parameter> protocolParameters) {
    List<Parameter> parameters = new ArrayList<>(Parameter.parseForm(url.getRawQuery()));
    parameters.addAll(formParameters);
    parameters.addAll(protocolParameters);
    EncodedPair[] pairs = sortedEncodedPairs(parameters);
    String upperMethod = method.toUpperCase(Locale.ROOT);
    boolean asciiMethod = AsciiText.isAscii(upperMethod);
    AsciiText baseString = new AsciiText(upperMethod.length() + 96 + 2 * lengthOf(pairs));
    if (asciiMethod) {
      baseString.append(upperMethod).append('&');
    }
    baseString.appendEncoded(baseStringUri(url)).append('&');
    // Section 3.4.1.1 encodes the normalized parameters once more. Their text is unreserved
    // characters and %XX escapes joined by = and &, so only %, = and & change: written here
    // directly, without the normalized string.
    for (int i = 0; i < pairs.length; i++) {
      if (i > 0) {
        baseString.append("%26");
      }
      baseString.appendEncodedAgain(pairs[i].name).append("%3D").appendEncodedAgain(pairs[i].value);
    }
    // A method is an ASCII token (RFC 9110 section 9.1); any other is kept as given, as it always was.
    return asciiMethod ? baseString.toString() : upperMethod + "&" + baseString;
  }

  /**
   * Section 3.4.1.2: scheme and host in lower case, the port only when it is not the scheme's
   * default, the path as sent (an empty path is {@code /}), no query and no fragment.
   */
  public static String baseStringUri(URI url) {
    String scheme = url.getScheme().toLowerCase(Locale.ROOT);
    String host = url.getHost().toLowerCase(Locale.ROOT);
    int port = url.getPort();
    boolean defaultPort = port == -1
        || scheme.equals("http") && port == 80
        || scheme.equals("https") && port == 443;
    String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
    return scheme + "://" + host + (defaultPort ? "" : ":" + port) + path;
  }

  /**
   * Section 3.4.1.3.2: each pair encoded, sorted, joined by {@code &}; duplicates are kept. Each
   * name and value is encoded once and the encoded pairs are sorted: their text is ASCII, so
   * {@link String#compareTo} is the byte order that the section asks for, and the order of
   * {@link Parameter#BY_ENCODED_NAME_THEN_VALUE}.
   */
  public static String normalizedParameters(List<Parameter> parameters) {
    EncodedPair[] pairs = sortedEncodedPairs(parameters);
    StringBuilder normalized = new StringBuilder(lengthOf(pairs));
    for (EncodedPair pair : pairs) {
      if (!normalized.isEmpty()) {
        normalized.append('&');
      }
      normalized.append(pair.name).append('=').append(pair.value);
    }
    return normalized.toString();
  }

  private static EncodedPair[] sortedEncodedPairs(List<Parameter> parameters) {
    EncodedPair[] pairs = new EncodedPair[parameters.size()];
    for (int i = 0; i < pairs.length; i++) {
      Parameter parameter = parameters.get(i);
      pairs[i] = new EncodedPair(PercentEncoding.encode(parameter.name()), PercentEncoding.encode(parameter.value()));
    }
    Arrays.sort(pairs);
    return pairs;
  }

  /** The length of the normalized parameters. */
  private static int lengthOf(EncodedPair[] pairs) {
    int length = 0;
    for (EncodedPair pair : pairs) {
      length += pair.name.length() + pair.value.length() + 2;
    }
    return length;
  }

  private record EncodedPair(String name, String value) implements Comparable<EncodedPair> {

    @Override
    public int compareTo(EncodedPair other) {
      int byName = name.compareTo(other.name);
      return byName != 0 ? byName : value.compareTo(other.value);
    }
  }
}
