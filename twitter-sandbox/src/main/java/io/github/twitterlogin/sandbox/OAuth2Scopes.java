package io.github.twitterlogin.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** X's OAuth 2.0 scopes: the names an authorization may ask for, and which an endpoint needs. */
final class OAuth2Scopes {

  static final String OFFLINE_ACCESS = "offline.access";
  /** X's reference lists both for {@code GET /2/users/me}. */
  static final List<String> USERS_ME = List.of("tweet.read", "users.read");

  private static final Set<String> KNOWN = Set.of("tweet.read", "tweet.write", "tweet.moderate.write", "users.email",
      "users.read", "follows.read", "follows.write", "offline.access", "space.read", "mute.read", "mute.write",
      "like.read", "like.write", "list.read", "list.write", "block.read", "block.write", "bookmark.read",
      "bookmark.write", "dm.read", "dm.write", "media.write");

  private OAuth2Scopes() {
  }

  /**
   * The scopes of a {@code scope} parameter, separated by spaces (RFC 6749 section 3.3).
   *
   * @throws IllegalArgumentException naming the first scope X does not know
   */
  static List<String> parse(String scope) {
    List<String> scopes = new ArrayList<>();
    for (String name : scope.trim().split(" +")) {
      if (!KNOWN.contains(name)) {
        throw new IllegalArgumentException("The scope " + name + " is not one of X's scopes");
      }
      if (!scopes.contains(name)) {
        scopes.add(name);
      }
    }
    return scopes;
  }
}
