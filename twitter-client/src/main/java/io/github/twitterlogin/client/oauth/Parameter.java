package io.github.twitterlogin.client.oauth;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One name/value pair of a request, decoded; a name may repeat and a value may be empty. Its
 * RFC 5849 section 3.6 encodings are kept once computed: a signature needs them twice, in the base
 * string and in the header, and a constant parameter (the signature method, the consumer key)
 * needs them on every request.
 */
public final class Parameter {

  /** RFC 5849 section 3.4.1.3.2: by encoded name, then by encoded value, as bytes in ASCII order. */
  public static final Comparator<Parameter> BY_ENCODED_NAME_THEN_VALUE = Parameter::compareEncoded;

  private final String name;
  private final String value;
  // Racing threads may both compute one; they get equal immutable strings, as String.hashCode does.
  private String encodedName;
  private String encodedValue;

  public Parameter(String name, String value) {
    this.name = Objects.requireNonNull(name, "name");
    this.value = value == null ? "" : value;
  }

  public String name() {
    return name;
  }

  public String value() {
    return value;
  }

  public String encodedName() {
    String encoded = encodedName;
    if (encoded == null) {
      encoded = PercentEncoding.encode(name);
      encodedName = encoded;
    }
    return encoded;
  }

  public String encodedValue() {
    String encoded = encodedValue;
    if (encoded == null) {
      encoded = PercentEncoding.encode(value);
      encodedValue = encoded;
    }
    return encoded;
  }

  public String encoded() {
    return encodedName() + "=" + encodedValue();
  }

  /** Encoded text is ASCII, so {@link String#compareTo} is the byte order. */
  private static int compareEncoded(Parameter a, Parameter b) {
    int byName = a.encodedName().compareTo(b.encodedName());
    return byName != 0 ? byName : a.encodedValue().compareTo(b.encodedValue());
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Parameter that && name.equals(that.name) && value.equals(that.value);
  }

  @Override
  public int hashCode() {
    return 31 * name.hashCode() + value.hashCode();
  }

  @Override
  public String toString() {
    return "Parameter[name=" + name + ", value=" + value + "]";
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
