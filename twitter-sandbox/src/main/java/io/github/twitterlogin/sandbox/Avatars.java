package io.github.twitterlogin.sandbox;

import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** {@code GET /sandbox/avatars/:id.svg}: a drawn avatar per sandbox user, so no page loads anything external. */
final class Avatars {

  private static final List<String> COLOURS = List.of("#0b5cab", "#7b2cbf", "#b5179e", "#2d6a4f", "#9c6644", "#1d3557");

  private final SandboxUsers users;

  Avatars(SandboxUsers users) {
    this.users = users;
  }

  void serve(RoutingContext ctx) {
    String id = ctx.pathParam("file").replaceFirst("\\.svg$", "");
    Optional<SandboxUser> user = users.byId(id);
    if (user.isEmpty()) {
      ctx.fail(404);
      return;
    }
    ctx.response()
        .putHeader("Content-Type", "image/svg+xml")
        .putHeader("Cache-Control", "public, max-age=3600")
        .end(svg(user.get()));
  }

  /** The initial is a letter or digit of the screen name only, so nothing here needs escaping. */
  private static String svg(SandboxUser user) {
    String colour = COLOURS.get(Math.floorMod(user.id().hashCode(), COLOURS.size()));
    String initial = user.screenName().substring(0, 1).toUpperCase(Locale.ROOT);
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 96 96\" width=\"96\" height=\"96\">"
        + "<rect width=\"96\" height=\"96\" fill=\"" + colour + "\"/>"
        + "<text x=\"48\" y=\"62\" font-family=\"sans-serif\" font-size=\"44\" font-weight=\"600\" fill=\"#fff\""
        + " text-anchor=\"middle\">" + initial + "</text></svg>";
  }
}
