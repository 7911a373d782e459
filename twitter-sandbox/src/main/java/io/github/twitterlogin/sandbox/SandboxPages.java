package io.github.twitterlogin.sandbox;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.templ.thymeleaf.ThymeleafTemplateEngine;
import java.util.List;
import java.util.Map;

/** Renders the sandbox's pages; Thymeleaf escapes every value, so a user named {@code <script>} shows as text. */
final class SandboxPages {

  static final String CONSENT = "sandbox/templates/consent.html";
  static final String MESSAGE = "sandbox/templates/message.html";

  private static final Map<String, Map<String, Object>> SAMPLES = Map.of(
      CONSENT, Map.of("appName", "Sample", "token", "sample", "users", List.of(Map.of(
          "id", "1", "name", "Sample", "screenName", "sample", "avatar", "/sandbox/assets/icon.svg", "selected", true))),
      MESSAGE, Map.of("title", "Sample", "message", "Sample"));

  private final ThymeleafTemplateEngine engine;

  SandboxPages(Vertx vertx) {
    this.engine = ThymeleafTemplateEngine.create(vertx);
  }

  /** Renders each template once on a worker thread: the engine reads them from the class path, blocking. */
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

  Future<Void> respond(RoutingContext ctx, int status, String template, Map<String, Object> model) {
    return engine.render(model, template).compose(html -> ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "text/html; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .putHeader("X-Frame-Options", "DENY")
        .end(html));
  }
}
