package io.github.twitterlogin.gateway.impl;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.templ.thymeleaf.ThymeleafTemplateEngine;
import java.util.HashMap;
import java.util.Map;

/**
 * Renders the HTML pages. Thymeleaf escapes every {@code th:text} and attribute value, so a name
 * such as {@code <script>} shows as text. Every page gets {@code base}, the prefix of the
 * gateway's routes, for its links.
 */
public final class Pages {

  static final String LANDING = "gateway/templates/landing.html";
  static final String PROFILE = "gateway/templates/profile.html";
  static final String MESSAGE = "gateway/templates/message.html";

  private static final Map<String, Object> SAMPLE_USER =
      Map.of("id", "1", "name", "Sample", "screenName", "sample", "profileImageUrl", "/assets/icon.svg");
  private static final Map<String, Map<String, Object>> SAMPLES = Map.of(
      LANDING, Map.of("user", SAMPLE_USER, "csrf", "sample"),
      PROFILE, Map.of("user", SAMPLE_USER, "csrf", "sample"),
      MESSAGE, Map.of("title", "Sample", "message", "Sample", "code", "sample"));

  private final ThymeleafTemplateEngine engine;
  private final String base;
  private final Future<Void> loaded;

  /** Starts reading the templates at once; pages are rendered once they are read. */
  public Pages(Vertx vertx, String base) {
    this.engine = ThymeleafTemplateEngine.create(vertx);
    this.base = base;
    this.loaded = load(vertx);
  }

  /** Completes once every template is read, or fails if one does not render: a start should wait for it. */
  public Future<Void> loaded() {
    return loaded;
  }

  /**
   * The engine reads a template from the class path, blocking, the first time it is used; this
   * renders each one once on a worker thread, so that no event loop waits for a file and a
   * broken template fails the start rather than a request.
   */
  private Future<Void> load(Vertx vertx) {
    return vertx.executeBlocking(() -> {
      SAMPLES.forEach((template, data) -> {
        Future<Buffer> page = engine.render(withBase(data), template);
        if (page.failed()) {
          throw new IllegalStateException("The template " + template + " does not render", page.cause());
        }
      });
      return null;
    });
  }

  /** The prefix of the gateway's routes, empty at the root. */
  String base() {
    return base;
  }

  /**
   * Once the templates are read, the page is rendered and written before this returns: an error
   * page for a request whose connection Vert.x closes right after (a body that does not decode)
   * goes out first. Composing on the start's future would defer it to a later turn of the event
   * loop, the request running on a duplicate of the context that completed it.
   */
  Future<Void> respond(RoutingContext ctx, int status, String template, Map<String, Object> data) {
    Future<Buffer> html = loaded.succeeded()
        ? engine.render(withBase(data), template)
        : loaded.compose(ready -> engine.render(withBase(data), template));
    return html.compose(page -> send(ctx, status, page));
  }

  private Map<String, Object> withBase(Map<String, Object> data) {
    Map<String, Object> model = new HashMap<>(data);
    model.put("base", base);
    return model;
  }

  private static Future<Void> send(RoutingContext ctx, int status, Buffer html) {
    return ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "text/html; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .end(html);
  }
}
