package io.github.twitterlogin.sandbox;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The one consent page of both protocols: the app's name, what it asks for, the sandbox users
 * to sign in as, Authorize or Cancel. The form posts back to the step that showed it, with the
 * pending request's unguessable id as its anti-forgery token.
 */
final class ConsentRenderer {

  /** What the page asks about: where its form posts, the hidden field that names the request, and the scopes. */
  record Request(String action, String tokenField, String token, String appName, List<String> scopes) {
  }

  private final SandboxUsers users;
  private final SandboxPages pages;
  private final Supplier<String> publicUrl;

  ConsentRenderer(SandboxUsers users, SandboxPages pages, Supplier<String> publicUrl) {
    this.users = users;
    this.pages = pages;
    this.publicUrl = publicUrl;
  }

  Future<Void> render(RoutingContext ctx, int status, Request request, SandboxUser selected, String error) {
    List<Map<String, Object>> choices = users.configured().stream().map(user -> {
      Map<String, Object> model = new HashMap<>();
      model.put("id", user.id());
      model.put("name", user.name());
      model.put("screenName", user.screenName());
      model.put("avatar", user.avatarUrl(publicUrl.get()));
      model.put("selected", user.id().equals(selected.id()));
      return model;
    }).toList();
    Map<String, Object> model = new HashMap<>();
    model.put("appName", request.appName());
    model.put("action", request.action());
    model.put("tokenField", request.tokenField());
    model.put("token", request.token());
    model.put("scopes", request.scopes());
    model.put("users", choices);
    model.put("error", error);
    return pages.respond(ctx, status, SandboxPages.CONSENT, model);
  }
}
