package io.github.twitterlogin.gateway;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.templ.thymeleaf.ThymeleafTemplateEngine;
import java.util.Map;

/**
 * Renders the HTML pages. Thymeleaf escapes every {@code th:text} and attribute value, so a name
 * such as {@code <script>} shows as text.
 */
final class Pages {

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

  Pages(Vertx vertx) {
    this.engine = ThymeleafTemplateEngine.create(vertx);
  }

  /**
   * The engine reads a template from the class path, blocking, the first time it is used; this
   * renders each one once on a worker thread, so that no event loop waits for a file and a
   * broken template fails the start rather than a request.
   */
  Future<Void> load(Vertx vertx) {
    return vertx.executeBlocking(() -> {
      SAMPLES.forEach((template, data) -> {
        Future<Buffer> page = engine.render(data, template);
        if (page.failed()) {
          throw new IllegalStateException("The template " + template + " does not render", page.cause());
        }
      });
      return null;
    });
  }

  Future<Void> respond(RoutingContext ctx, int status, String template, Map<String, Object> data) {
    return engine.render(data, template).compose(html -> send(ctx, status, html));
  }

  private static Future<Void> send(RoutingContext ctx, int status, Buffer html) {
    return ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "text/html; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .end(html);
  }
}
