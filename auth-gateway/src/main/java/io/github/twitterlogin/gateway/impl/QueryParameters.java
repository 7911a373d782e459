package io.github.twitterlogin.gateway.impl;

import io.github.twitterlogin.gateway.PageError;
import io.vertx.core.MultiMap;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads query parameters that may appear at most once, with a bounded length and shape. */
final class QueryParameters {

  private final MultiMap parameters;

  QueryParameters(MultiMap parameters) {
    this.parameters = parameters;
  }

  /** The value if present and not empty; fails with 400 if repeated, too long or malformed. */
  Optional<String> optional(String name, int maxLength, Pattern shape) {
    List<String> values = parameters.getAll(name);
    if (values.isEmpty()) {
      return Optional.empty();
    }
    if (values.size() > 1) {
      throw PageError.badRequest("The parameter " + name + " was sent more than once.");
    }
    String value = values.get(0);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    if (value.length() > maxLength || !shape.matcher(value).matches()) {
      throw PageError.badRequest("The parameter " + name + " is not valid.");
    }
    return Optional.of(value);
  }

  boolean flag(String name) {
    return optional(name, 5, Pattern.compile("true|false|1|0"))
        .map(value -> value.equals("true") || value.equals("1"))
        .orElse(false);
  }
}
