package io.github.twitterlogin.gateway;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Typed reads of an options object's JSON: a value of the wrong type is an
 * {@link IllegalArgumentException} that names the field, never a {@code ClassCastException}.
 */
final class OptionsJson {

  private final String owner;
  private final JsonObject json;

  OptionsJson(String owner, JsonObject json) {
    this.owner = owner;
    this.json = json == null ? new JsonObject() : json;
  }

  String text(String field, String defaultValue) {
    Object value = json.getValue(field);
    if (value == null) {
      return defaultValue;
    }
    if (!(value instanceof String text)) {
      throw invalid(owner, field, "must be a string");
    }
    return text;
  }

  long number(String field, long defaultValue) {
    Object value = json.getValue(field);
    if (value == null) {
      return defaultValue;
    }
    if (!(value instanceof Integer || value instanceof Long)) {
      throw invalid(owner, field, "must be a whole number");
    }
    return ((Number) value).longValue();
  }

  int integer(String field, int defaultValue) {
    long value = number(field, defaultValue);
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw invalid(owner, field, "is out of range");
    }
    return (int) value;
  }

  boolean flag(String field, boolean defaultValue) {
    Object value = json.getValue(field);
    if (value == null) {
      return defaultValue;
    }
    if (!(value instanceof Boolean flag)) {
      throw invalid(owner, field, "must be true or false");
    }
    return flag;
  }

  List<String> texts(String field) {
    Object value = json.getValue(field);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof JsonArray array)) {
      throw invalid(owner, field, "must be an array of strings");
    }
    List<String> texts = new ArrayList<>();
    for (Object element : array) {
      if (!(element instanceof String text)) {
        throw invalid(owner, field, "must be an array of strings");
      }
      texts.add(text);
    }
    return texts;
  }

  JsonObject object(String field) {
    Object value = json.getValue(field);
    if (value != null && !(value instanceof JsonObject)) {
      throw invalid(owner, field, "must be an object");
    }
    return (JsonObject) value;
  }

  static IllegalArgumentException invalid(String owner, String field, String problem) {
    return new IllegalArgumentException(owner + "." + field + " " + problem);
  }

  /** An absolute http or https URL without query, fragment or user info, kept as it is. */
  static String httpUrl(String owner, String field, String url) {
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
          || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
        throw new URISyntaxException(url, "not a plain absolute http(s) URL");
      }
    } catch (URISyntaxException e) {
      throw invalid(owner, field, "must be an absolute http or https URL without query or fragment");
    }
    return url;
  }
}
