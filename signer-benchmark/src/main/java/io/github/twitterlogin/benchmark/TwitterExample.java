package io.github.twitterlogin.benchmark;

import com.github.scribejava.core.builder.ServiceBuilder;
import com.github.scribejava.core.builder.api.DefaultApi10a;
import com.github.scribejava.core.model.OAuth1AccessToken;
import com.github.scribejava.core.model.OAuthRequest;
import com.github.scribejava.core.model.Verb;
import com.github.scribejava.core.oauth.OAuth10aService;
import com.github.scribejava.core.services.TimestampService;
import io.github.twitterlogin.client.oauth.ConsumerCredentials;
import io.github.twitterlogin.client.oauth.Parameter;
import io.github.twitterlogin.client.oauth.UnsignedRequest;
import io.github.twitterlogin.shared.TokenCredentials;
import java.net.URI;
import java.util.List;

/**
 * The request of Twitter's "Creating a signature" page, for both signers. Its keys and secrets
 * are the page's published example values, not anyone's credentials.
 */
public final class TwitterExample {

  public static final String METHOD = "POST";
  public static final String URL = "https://api.twitter.com/1.1/statuses/update.json?include_entities=true";
  public static final String STATUS = "Hello Ladies + Gentlemen, a signed OAuth request!";
  public static final ConsumerCredentials CONSUMER =
      new ConsumerCredentials("xvz1evFS4wEEPTGEFPHBog", "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw");
  public static final TokenCredentials TOKEN = new TokenCredentials(
      "370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb", "LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE");
  /** The page's nonce and timestamp, and the signature they give. */
  public static final String NONCE = "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg";
  public static final long TIMESTAMP = 1_318_622_958L;
  public static final String SIGNATURE = "hCtSmYh+iHYCEqBWrE7C7hYmtUk=";

  private TwitterExample() {
  }

  /** As the Twitter client builds it for each call: the URL parsed, the form's one parameter. */
  public static UnsignedRequest unsignedRequest() {
    return new UnsignedRequest(METHOD, URI.create(URL), List.of(new Parameter("status", STATUS)), TOKEN, List.of());
  }

  /** A new one for each signature: ScribeJava's {@code signRequest} adds its parameters to the request. */
  public static OAuthRequest scribeJavaRequest() {
    OAuthRequest request = new OAuthRequest(Verb.POST, URL);
    request.addBodyParameter("status", STATUS);
    return request;
  }

  public static OAuth1AccessToken scribeJavaToken() {
    return new OAuth1AccessToken(TOKEN.token(), TOKEN.tokenSecret());
  }

  /** ScribeJava's own nonces and clock. */
  public static OAuth10aService scribeJavaService() {
    return scribeJavaService(new ScribeJavaApi(null));
  }

  /** The page's nonce and timestamp, to check that both signers sign the same request. */
  public static OAuth10aService scribeJavaServiceWithTheExamplesNonce() {
    return scribeJavaService(new ScribeJavaApi(new TimestampService() {
      @Override
      public String getTimestampInSeconds() {
        return Long.toString(TIMESTAMP);
      }

      @Override
      public String getNonce() {
        return NONCE;
      }
    }));
  }

  private static OAuth10aService scribeJavaService(DefaultApi10a api) {
    return new ServiceBuilder(CONSUMER.key()).apiSecret(CONSUMER.secret()).build(api);
  }

  /** Only signing is used: the endpoints are never called. */
  private static final class ScribeJavaApi extends DefaultApi10a {

    private final TimestampService timestamps;

    ScribeJavaApi(TimestampService timestamps) {
      this.timestamps = timestamps;
    }

    @Override
    public String getRequestTokenEndpoint() {
      return "https://api.twitter.com/oauth/request_token";
    }

    @Override
    public String getAccessTokenEndpoint() {
      return "https://api.twitter.com/oauth/access_token";
    }

    @Override
    protected String getAuthorizationBaseUrl() {
      return "https://api.twitter.com/oauth/authorize";
    }

    @Override
    public TimestampService getTimestampService() {
      return timestamps == null ? super.getTimestampService() : timestamps;
    }
  }
}
