package io.github.twitterlogin.sandbox;

import io.vertx.core.json.JsonObject;
import java.util.List;

/** A made-up Twitter account that the consent page can sign in as. */
public record SandboxUser(String id, String screenName, String name, String profileImageUrl, String email) {

  public SandboxUser {
    if (id == null || !id.matches("[1-9][0-9]{0,17}")) {
      throw new IllegalArgumentException("A sandbox user's id must be a positive number of at most 18 digits,"
          + " as Twitter's are (the v1.1 \"id\" is a JSON number)");
    }
    if (screenName == null || !screenName.matches("[A-Za-z0-9_]{1,15}")) {
      throw new IllegalArgumentException("A sandbox user's screen name must be 1-15 letters, digits or _");
    }
    name = name == null || name.isBlank() ? screenName : name;
  }

  /**
   * The default accounts: names with non-ASCII letters, an emoji, and one made of HTML so that
   * every page that shows a name is seen to escape it.
   */
  static List<SandboxUser> defaults() {
    return List.of(
        new SandboxUser("1000000001", "ada", "Ada Lovelace", null, "ada@sandbox.example"),
        new SandboxUser("1000000002", "zoe_angstrom", "Zoë Ångström", null, "zoe@sandbox.example"),
        new SandboxUser("1000000003", "hiro", "山田 博 🐦", null, null),
        new SandboxUser("1000000004", "mallory", "<script>alert(\"x\")</script> & 'Co'", null, null));
  }

  static SandboxUser fromJson(JsonObject json) {
    return new SandboxUser(json.getString("id"), json.getString("screenName"), json.getString("name"),
        json.getString("profileImageUrl"), json.getString("email"));
  }

  /** The avatar to show: the configured one, else one the sandbox draws itself (nothing external). */
  String avatarUrl(String sandboxPublicUrl) {
    return profileImageUrl != null ? profileImageUrl : sandboxPublicUrl + "/sandbox/avatars/" + id + ".svg";
  }
}
