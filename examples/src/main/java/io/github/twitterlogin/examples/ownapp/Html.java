package io.github.twitterlogin.examples.ownapp;

/** The little HTML this example writes by hand; a real app would use a template engine. */
final class Html {

  private Html() {
  }

  static String page(String title, String body) {
    return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title)
        + "</title></head><body><main>" + body + "</main></body></html>";
  }

  /** Names on Twitter may hold {@code <}, {@code &} and quotes: they are shown as text. */
  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder escaped = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '&' -> escaped.append("&amp;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }
}
