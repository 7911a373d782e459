package io.github.twitterlogin.client;

import io.github.twitterlogin.client.oauth.PercentEncoding;
import java.util.List;

/**
 * Keeps the secrets of one call out of the failure texts that leave the verticle, whatever Twitter
 * or the network put into them: an error message may echo a request, raw or percent-encoded.
 */
record SecretRedaction(List<String> secrets) {

  static final String HIDDEN = "(hidden)";

  SecretRedaction {
    secrets = secrets.stream().filter(secret -> secret != null && !secret.isEmpty()).toList();
  }

  String apply(String text) {
    if (text == null) {
      return null;
    }
    String redacted = text;
    for (String secret : secrets) {
      redacted = redacted.replace(secret, HIDDEN).replace(PercentEncoding.encode(secret), HIDDEN);
    }
    return redacted;
  }
}
