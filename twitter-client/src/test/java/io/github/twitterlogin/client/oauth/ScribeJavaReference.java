package io.github.twitterlogin.client.oauth;

import com.github.scribejava.core.extractors.BaseStringExtractor;
import com.github.scribejava.core.extractors.BaseStringExtractorImpl;
import com.github.scribejava.core.model.OAuthRequest;
import com.github.scribejava.core.model.Parameter;
import com.github.scribejava.core.model.ParameterList;
import com.github.scribejava.core.services.HMACSha1SignatureService;
import com.github.scribejava.core.utils.OAuthEncoder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * OAuth 1.0a signatures as ScribeJava 8.3.3 computes them, to check this module's signer against
 * code it shares nothing with. ScribeJava departs from RFC 5849 in two steps (see
 * {@link #RFC_5849}); everything else used here, percent-encoding, collecting the query, body and
 * protocol parameters, dropping default ports and the HMAC, is ScribeJava's own.
 */
public final class ScribeJavaReference {

  /** ScribeJava as shipped. */
  public static final BaseStringExtractor AS_SHIPPED = new BaseStringExtractorImpl();

  /**
   * ScribeJava with its two deviations from RFC 5849 corrected: it keeps the host's case, which
   * section 3.4.1.2 lower-cases, and it sorts decoded text by UTF-16 code unit, where section
   * 3.4.1.3.2 sorts the encoded names and values by byte value.
   */
  public static final BaseStringExtractor RFC_5849 = new Rfc5849BaseStringExtractor();

  /** RFC 5849 section 3.4.1.3.2, on ScribeJava's own encoding. */
  static final Comparator<Parameter> RFC_5849_ORDER = Comparator
      .comparing((Parameter p) -> OAuthEncoder.encode(p.getKey()))
      .thenComparing(p -> OAuthEncoder.encode(p.getValue()));

  private ScribeJavaReference() {
  }

  public static String signature(
      BaseStringExtractor extractor, OAuthRequest request, String consumerSecret, String tokenSecret) {
    return new HMACSha1SignatureService()
        .getSignature(extractor.extract(request), consumerSecret, tokenSecret == null ? "" : tokenSecret);
  }

  /** Whether ScribeJava's sort of decoded text orders this request's parameters unlike the RFC. */
  static boolean sortsUnlikeRfc5849(OAuthRequest request) {
    List<Parameter> scribeJavaOrder = new ArrayList<>(allParameters(request));
    List<Parameter> rfcOrder = new ArrayList<>(scribeJavaOrder);
    scribeJavaOrder.sort(Comparator.naturalOrder());
    rfcOrder.sort(RFC_5849_ORDER);
    return !encodedPairs(scribeJavaOrder).equals(encodedPairs(rfcOrder));
  }

  private static List<Parameter> allParameters(OAuthRequest request) {
    ParameterList all = new ParameterList();
    all.addAll(request.getQueryStringParams());
    all.addAll(request.getBodyParams());
    all.addAll(new ParameterList(request.getOauthParameters()));
    return all.getParams();
  }

  private static List<String> encodedPairs(List<Parameter> parameters) {
    return parameters.stream().map(Parameter::asUrlEncodedPair).toList();
  }

  private static final class Rfc5849BaseStringExtractor extends BaseStringExtractorImpl {

    @Override
    protected String getUrl(OAuthRequest request) {
      String url = super.getUrl(request);
      int hostStart = url.indexOf("://") + 3;
      int hostEnd = url.indexOf('/', hostStart);
      hostEnd = hostEnd < 0 ? url.length() : hostEnd;
      return url.substring(0, hostStart) + url.substring(hostStart, hostEnd).toLowerCase(Locale.ROOT)
          + url.substring(hostEnd);
    }

    @Override
    protected String getSortedAndEncodedParams(OAuthRequest request) {
      List<Parameter> sorted = new ArrayList<>(allParameters(request));
      sorted.sort(RFC_5849_ORDER);
      ParameterList list = new ParameterList();
      sorted.forEach(parameter -> list.add(parameter.getKey(), parameter.getValue()));
      return list.asOauthBaseString();
    }
  }
}
