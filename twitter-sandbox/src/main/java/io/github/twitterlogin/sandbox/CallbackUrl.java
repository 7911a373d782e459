package io.github.twitterlogin.sandbox;

import io.github.twitterlogin.client.oauth.Parameter;
import java.util.List;

/**
 * Where the consent page sends the browser back: the callback the app registered with its
 * request token, with the answer's parameters added to its query (RFC 5849 section 2.2: "If the
 * callback URI already includes a query component, the server MUST append the OAuth parameters
 * to the end of the existing query"), before any fragment.
 */
final class CallbackUrl {

  private CallbackUrl() {
  }

  static String withParameters(String callback, List<Parameter> parameters) {
    int hash = callback.indexOf('#');
    String beforeFragment = hash < 0 ? callback : callback.substring(0, hash);
    String fragment = hash < 0 ? "" : callback.substring(hash);
    String separator = !beforeFragment.contains("?") ? "?"
        : beforeFragment.endsWith("?") || beforeFragment.endsWith("&") ? "" : "&";
    return beforeFragment + separator + Parameter.formatForm(parameters) + fragment;
  }
}
