package io.github.twitterlogin.sandbox;

import java.util.Set;

/**
 * Who calls the API: a user, through an app. An OAuth 1.0a token has an access level and no
 * scopes; an OAuth 2.0 bearer token has scopes.
 *
 * @param limitedV11Access whether the app is on an X tier with "limited v1.1 endpoints"
 */
record ApiCaller(String userId, AccessLevel accessLevel, Set<String> scopes, boolean limitedV11Access) {

  boolean isOAuth2() {
    return scopes != null;
  }
}
