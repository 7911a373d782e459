package io.github.twitterlogin.client;

import com.github.scribejava.core.model.OAuthRequest;
import com.github.scribejava.core.model.ParameterList;
import com.github.scribejava.core.model.Verb;
import com.github.scribejava.core.utils.OAuthEncoder;
import io.github.twitterlogin.client.oauth.ScribeJavaReference;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a received request's OAuth signature without the module's own signer: the header is read
 * here, the parameters are collected and the base string built by ScribeJava (with its two
 * deviations from RFC 5849 corrected, see {@link ScribeJavaReference#RFC_5849}).
 */
final class ScribeJavaSignatureCheck {

  private static final Pattern HEADER_PAIR = Pattern.compile("([^\\s=,]+)=\"([^\"]*)\"");

  private ScribeJavaSignatureCheck() {
  }

  /** The decoded pairs of an {@code Authorization: OAuth ...} header; empty without one. */
  static Map<String, String> oauthParameters(String authorization) {
    Map<String, String> parameters = new LinkedHashMap<>();
    if (authorization == null || !authorization.startsWith("OAuth ")) {
      return parameters;
    }
    Matcher matcher = HEADER_PAIR.matcher(authorization.substring("OAuth ".length()));
    while (matcher.find()) {
      parameters.put(OAuthEncoder.decode(matcher.group(1)), OAuthEncoder.decode(matcher.group(2)));
    }
    return parameters;
  }

  /** A query or form body, decoded by ScribeJava, names and values in the order sent. */
  static List<Map.Entry<String, String>> formParameters(String encoded) {
    ParameterList parameters = new ParameterList();
    parameters.addQuerystring(encoded);
    return parameters.getParams().stream().map(p -> Map.entry(p.getKey(), p.getValue())).toList();
  }

  /** @param url the URL as the client addressed it, query included */
  static boolean isValid(String method, String url, List<Map.Entry<String, String>> form,
      Map<String, String> oauth, String consumerSecret, String tokenSecret) {
    if (!oauth.containsKey("oauth_signature")) {
      return false;
    }
    OAuthRequest request = new OAuthRequest(Verb.valueOf(method), url);
    form.forEach(parameter -> request.addBodyParameter(parameter.getKey(), parameter.getValue()));
    oauth.forEach((name, value) -> {
      if (!name.equals("oauth_signature") && !name.equals("realm")) {
        request.addOAuthParameter(name, value);
      }
    });
    String expected = ScribeJavaReference.signature(ScribeJavaReference.RFC_5849, request, consumerSecret, tokenSecret);
    return expected.equals(oauth.get("oauth_signature"));
  }
}
