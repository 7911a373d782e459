package io.github.twitterlogin.sandbox;

import io.vertx.core.MultiMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The consent page's form as a browser reads it: where it posts, its fields and its buttons. It
 * submits what a browser would: every hidden and text field, the chosen radio, the pressed button.
 */
final class ConsentForm {

  private static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>(.*?)</form>", Pattern.DOTALL);
  private static final Pattern CONTROL = Pattern.compile("<(input|button)\\b([^>]*)>");
  private static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z_:-]+)=\"([^\"]*)\"");

  private final String method;
  private final String action;
  private final List<Map<String, String>> inputs;
  private final List<Map<String, String>> buttons;

  private ConsentForm(String method, String action, List<Map<String, String>> inputs, List<Map<String, String>> buttons) {
    this.method = method;
    this.action = action;
    this.inputs = inputs;
    this.buttons = buttons;
  }

  static ConsentForm of(String page) {
    Matcher form = FORM.matcher(page);
    if (!form.find()) {
      throw new AssertionError("The page has no form");
    }
    Map<String, String> formAttributes = attributes(form.group(1));
    List<Map<String, String>> inputs = new ArrayList<>();
    List<Map<String, String>> buttons = new ArrayList<>();
    Matcher control = CONTROL.matcher(form.group(2));
    while (control.find()) {
      (control.group(1).equals("input") ? inputs : buttons).add(attributes(control.group(2)));
    }
    return new ConsentForm(formAttributes.getOrDefault("method", "get"), formAttributes.get("action"), inputs, buttons);
  }

  String method() {
    return method;
  }

  String action() {
    return action;
  }

  List<String> userIds() {
    return inputs.stream().filter(input -> "radio".equals(input.get("type")) && "user_id".equals(input.get("name")))
        .map(input -> input.get("value")).toList();
  }

  /** Chooses {@code userId}'s radio and presses the button labelled by {@code buttonId}. */
  MultiMap submit(String userId, String buttonId) {
    MultiMap fields = MultiMap.caseInsensitiveMultiMap();
    for (Map<String, String> input : inputs) {
      String type = input.getOrDefault("type", "text");
      if (type.equals("radio") ? input.get("value").equals(userId) : !type.equals("submit")) {
        fields.add(input.get("name"), input.getOrDefault("value", ""));
      }
    }
    Map<String, String> button = buttons.stream().filter(candidate -> buttonId.equals(candidate.get("id"))).findFirst()
        .orElseThrow(() -> new AssertionError("The form has no button " + buttonId));
    fields.add(button.get("name"), button.get("value"));
    return fields;
  }

  private static Map<String, String> attributes(String tag) {
    Map<String, String> attributes = new LinkedHashMap<>();
    Matcher attribute = ATTRIBUTE.matcher(tag);
    while (attribute.find()) {
      attributes.put(attribute.group(1), attribute.group(2));
    }
    return attributes;
  }
}
