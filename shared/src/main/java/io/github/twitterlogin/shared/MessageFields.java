package io.github.twitterlogin.shared;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the fields of a request or reply message, failing with {@link TwitterFailure#BAD_REQUEST}. */
final class MessageFields {

  static final int MAX_TEXT_LENGTH = 8192;

  private MessageFields() {
  }

  static String requiredText(JsonObject json, String name) {
    String value = optionalText(json, name);
    if (value == null || value.isBlank()) {
      throw badRequest(name + " is required");
    }
    return value;
  }

  static String optionalText(JsonObject json, String name) {
    return optionalText(json, name, MAX_TEXT_LENGTH);
  }

  static String optionalText(JsonObject json, String name, int maxLength) {
    Object value = json.getValue(name);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String text)) {
      throw badRequest(name + " must be a string");
    }
    if (text.length() > maxLength) {
      throw badRequest(name + " is longer than " + maxLength + " characters");
    }
    return text;
  }

  /** An array of strings; absent is empty. */
  static List<String> optionalTexts(JsonObject json, String name) {
    Object value = json.getValue(name);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof JsonArray array) || !array.stream().allMatch(String.class::isInstance)) {
      throw badRequest(name + " must be an array of strings");
    }
    return array.stream().map(String.class::cast).toList();
  }

  static boolean optionalFlag(JsonObject json, String name) {
    Object value = json.getValue(name);
    if (value == null) {
      return false;
    }
    if (!(value instanceof Boolean flag)) {
      throw badRequest(name + " must be true or false");
    }
    return flag;
  }

  static Integer optionalInteger(JsonObject json, String name) {
    Object value = json.getValue(name);
    if (value == null) {
      return null;
    }
    if (!(value instanceof Number number)) {
      throw badRequest(name + " must be a number");
    }
    return number.intValue();
  }

  static Long optionalLong(JsonObject json, String name) {
    Object value = json.getValue(name);
    if (value == null) {
      return null;
    }
    if (!(value instanceof Number number)) {
      throw badRequest(name + " must be a number");
    }
    return number.longValue();
  }

  /**
   * Reads {@code {"name": "value"}} or {@code {"name": ["value", "value"]}}; names keep their order
   * and repeated values stay, as OAuth signs every one of them.
   */
  static Map<String, List<String>> optionalParameters(JsonObject json, String name) {
    Object value = json.getValue(name);
    if (value == null) {
      return Map.of();
    }
    if (!(value instanceof JsonObject parameters)) {
      throw badRequest(name + " must be an object of names to a string or an array of strings");
    }
    Map<String, List<String>> result = new LinkedHashMap<>();
    for (String parameter : parameters.fieldNames()) {
      result.put(parameter, parameterValues(name, parameter, parameters.getValue(parameter)));
    }
    return Collections.unmodifiableMap(result);
  }

  private static List<String> parameterValues(String name, String parameter, Object value) {
    if (value instanceof String text) {
      return List.of(text);
    }
    if (value instanceof JsonArray array) {
      List<String> values = new ArrayList<>(array.size());
      for (Object element : array) {
        if (!(element instanceof String text)) {
          throw badRequest(name + "." + parameter + " must hold only strings");
        }
        values.add(text);
      }
      return List.copyOf(values);
    }
    throw badRequest(name + "." + parameter + " must be a string or an array of strings");
  }

  static JsonObject parametersToJson(Map<String, List<String>> parameters) {
    JsonObject json = new JsonObject();
    parameters.forEach((name, values) -> json.put(name, new JsonArray(List.copyOf(values))));
    return json;
  }

  static TwitterFailureException badRequest(String message) {
    return new TwitterFailureException(TwitterFailure.BAD_REQUEST, message);
  }
}
