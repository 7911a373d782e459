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

  /** No form-action: browsers apply it to the redirect to the app's callback too. */
  private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; "
      + "img-src 'self' data: http: https:; base-uri 'none'; frame-ancestors 'none'";

  private static final Map<String, Map<String, Object>> SAMPLES = Map.of(
      CONSENT, Map.of("appName", "Sample", "action", "/oauth/authorize", "tokenField", "oauth_token", "token", "sample",
          "scopes", List.of("users.read"), "users", List.of(Map.of(
          "id", "1", "name", "Sample", "screenName", "sample", "avatar", "/sandbox/avatars/1.svg", "selected", true))),
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

  /**
   * The pages run no script and load nothing but avatars, and may not be framed (a framed
   * consent page could be clicked through unseen): a policy that says so backs up the escaping.
   */
  Future<Void> respond(RoutingContext ctx, int status, String template, Map<String, Object> model) {
    return engine.render(model, template).compose(html -> ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "text/html; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .putHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        .putHeader("X-Frame-Options", "DENY")
        .putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("Referrer-Policy", "no-referrer")
        .end(html));
  }
}
