package io.github.twitterlogin.service.testing;

import com.github.scribejava.core.model.OAuthRequest;
import com.github.scribejava.core.model.Parameter;
import com.github.scribejava.core.model.ParameterList;
import com.github.scribejava.core.model.Verb;
import com.github.scribejava.core.utils.OAuthEncoder;
import io.github.twitterlogin.client.oauth.ScribeJavaReference;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An RFC 5849 HMAC-SHA1 check that shares no code with the signer of {@code twitter-client} nor
 * with the sandbox's verifier (which both use {@code SignatureBaseString} and
 * {@code HmacSha1Signature}): the header is read here, the base string is ScribeJava's with its
 * two departures from the RFC corrected ({@link ScribeJavaReference#RFC_5849}), and so is the
 * HMAC. A bug shared by our signer and the sandbox's verifier passes the sandbox, not this.
 */
final class IndependentSignatureCheck {

  private static final Pattern HEADER_PAIR = Pattern.compile("([^\\s=,]+)=\"([^\"]*)\"");

  private IndependentSignatureCheck() {
  }

  /** The decoded pairs of an {@code Authorization: OAuth ...} header. */
  static Map<String, String> oauthParameters(String authorization) {
    Map<String, String> parameters = new LinkedHashMap<>();
    Matcher matcher = HEADER_PAIR.matcher(authorization.substring("OAuth ".length()));
    while (matcher.find()) {
      parameters.put(OAuthEncoder.decode(matcher.group(1)), OAuthEncoder.decode(matcher.group(2)));
    }
    return parameters;
  }

  /** A query or form body as ScribeJava decodes it. */
  static List<Parameter> formParameters(String encoded) {
    ParameterList parameters = new ParameterList();
    parameters.addQuerystring(encoded);
    return parameters.getParams();
  }

  /**
   * @param url the URL as the client addressed it, query included
   * @return why the signature is wrong, or empty when it is right
   */
  static Optional<String> problem(String method, String url, List<Parameter> form, Map<String, String> oauth,
      String consumerSecret, String tokenSecret) {
    String signature = oauth.get("oauth_signature");
    if (signature == null) {
      return Optional.of("no oauth_signature");
    }
    if (!"HMAC-SHA1".equals(oauth.get("oauth_signature_method"))) {
      return Optional.of("signature method " + oauth.get("oauth_signature_method"));
    }
    OAuthRequest request = new OAuthRequest(Verb.valueOf(method), url);
    form.forEach(parameter -> request.addBodyParameter(parameter.getKey(), parameter.getValue()));
    try {
      oauth.forEach((name, value) -> {
        if (!name.equals("oauth_signature") && !name.equals("realm")) {
          request.addOAuthParameter(name, value);
        }
      });
    } catch (IllegalArgumentException notAnOAuthParameter) {
      return Optional.of("a parameter in the header that is not oauth_*");
    }
    String expected = ScribeJavaReference.signature(ScribeJavaReference.RFC_5849, request, consumerSecret, tokenSecret);
    return expected.equals(signature) ? Optional.empty()
        : Optional.of("the signature differs from RFC 5849's as ScribeJava computes it");
  }
}
