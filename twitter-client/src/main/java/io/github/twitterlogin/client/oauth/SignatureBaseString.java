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
    Parameter[] sorted = sortedByEncoding(parameters);
    String upperMethod = method.toUpperCase(Locale.ROOT);
    boolean asciiMethod = AsciiText.isAscii(upperMethod);
    String baseStringUri = baseStringUri(url);
    // Room for every char escaped, so that the text never grows on the way.
    AsciiText baseString = new AsciiText(upperMethod.length() + 2 + 3 * baseStringUri.length() + 3 * lengthOf(sorted));
    if (asciiMethod) {
      baseString.append(upperMethod).append('&');
    }
    baseString.appendEncoded(baseStringUri).append('&');
    // Section 3.4.1.1 encodes the normalized parameters once more. Their text is unreserved
    // characters and %XX escapes joined by = and &, so only %, = and & change: written here
    // directly, without the normalized string.
    for (int i = 0; i < sorted.length; i++) {
      if (i > 0) {
        baseString.append("%26");
      }
      baseString.appendEncodedAgain(sorted[i].encodedName()).append("%3D").appendEncodedAgain(sorted[i].encodedValue());
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
   * name and value is encoded once (see {@link Parameter#encodedName()}) and the parameters are
   * sorted by their encodings, {@link Parameter#BY_ENCODED_NAME_THEN_VALUE}.
   */
  public static String normalizedParameters(List<Parameter> parameters) {
    Parameter[] sorted = sortedByEncoding(parameters);
    AsciiText normalized = new AsciiText(lengthOf(sorted));
    for (int i = 0; i < sorted.length; i++) {
      if (i > 0) {
        normalized.append('&');
      }
      normalized.append(sorted[i].encodedName()).append('=').append(sorted[i].encodedValue());
    }
    return normalized.toString();
  }

  private static Parameter[] sortedByEncoding(List<Parameter> parameters) {
    Parameter[] sorted = parameters.toArray(new Parameter[0]);
    Arrays.sort(sorted, Parameter.BY_ENCODED_NAME_THEN_VALUE);
    return sorted;
  }

  /** The length of the normalized parameters, separators included. */
  private static int lengthOf(Parameter[] parameters) {
    int length = 0;
    for (Parameter parameter : parameters) {
      length += parameter.encodedName().length() + parameter.encodedValue().length() + 2;
    }
    return length;
  }
}
