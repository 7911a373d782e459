package io.github.twitterlogin.client.oauth;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** RFC 5849 section 3.5.1: protocol parameters in the {@code Authorization: OAuth ...} header. */
public final class AuthorizationHeader {

  public static final String SCHEME = "OAuth";

  private static final Pattern PAIR = Pattern.compile("\\s*([^=\\s,]+)\\s*=\\s*\"([^\"]*)\"\\s*(,|$)");

  private AuthorizationHeader() {
  }

  /** Each name and value percent-encoded, the value in double quotes, pairs separated by ", ". */
  public static String format(List<Parameter> protocolParameters) {
    int room = SCHEME.length() + 1;
    for (Parameter parameter : protocolParameters) {
      room += parameter.encodedName().length() + parameter.encodedValue().length() + 5;
    }
    AsciiText header = new AsciiText(room).append(SCHEME).append(' ');
    for (int i = 0; i < protocolParameters.size(); i++) {
      Parameter parameter = protocolParameters.get(i);
      if (i > 0) {
        header.append(", ");
      }
      header.append(parameter.encodedName()).append("=\"").append(parameter.encodedValue()).append('"');
    }
    return header.toString();
  }

  /**
   * Reads the parameters of an OAuth header, decoded and in their order, {@code realm} included.
   *
   * @throws IllegalArgumentException when the header is not an OAuth header or is malformed
   */
  public static List<Parameter> parse(String header) {
    if (header == null || !header.regionMatches(true, 0, SCHEME + " ", 0, SCHEME.length() + 1)) {
      throw new IllegalArgumentException("Not an OAuth Authorization header");
    }
    String pairs = header.substring(SCHEME.length() + 1).trim();
    List<Parameter> parameters = new ArrayList<>();
    Matcher matcher = PAIR.matcher(pairs);
    int position = 0;
    while (position < pairs.length()) {
      if (!matcher.find(position) || matcher.start() != position) {
        throw new IllegalArgumentException("Malformed OAuth Authorization header");
      }
      parameters.add(new Parameter(
          PercentEncoding.decode(matcher.group(1), false), PercentEncoding.decode(matcher.group(2), false)));
      position = matcher.end();
    }
    return parameters;
  }
}
