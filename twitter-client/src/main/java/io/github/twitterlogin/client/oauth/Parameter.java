package io.github.twitterlogin.client.oauth;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** One name/value pair of a request, decoded; a name may repeat and a value may be empty. */
public record Parameter(String name, String value) {

  /** RFC 5849 section 3.4.1.3.2: by encoded name, then by encoded value, as bytes in ASCII order. */
  public static final Comparator<Parameter> BY_ENCODED_NAME_THEN_VALUE =
      Comparator.comparing((Parameter p) -> PercentEncoding.encode(p.name))
          .thenComparing(p -> PercentEncoding.encode(p.value));

  public Parameter {
    Objects.requireNonNull(name, "name");
    value = value == null ? "" : value;
  }

  public String encoded() {
    return PercentEncoding.encode(name) + "=" + PercentEncoding.encode(value);
  }

  /**
   * Parses an {@code application/x-www-form-urlencoded} string, a query or a form body: a pair
   * without {@code =} has an empty value, and {@code +} is a space.
   */
  public static List<Parameter> parseForm(String form) {
    List<Parameter> parameters = new ArrayList<>();
    if (form == null || form.isEmpty()) {
      return parameters;
    }
    for (String pair : form.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      parameters.add(new Parameter(PercentEncoding.decode(name, true), PercentEncoding.decode(value, true)));
    }
    return parameters;
  }

  /** Encodes parameters as a query or form body, with RFC 3986 escapes so that the signature matches. */
  public static String formatForm(List<Parameter> parameters) {
    return String.join("&", parameters.stream().map(Parameter::encoded).toList());
  }
}
