package io.github.twitterlogin.sandbox;

import com.github.scribejava.core.builder.api.DefaultApi20;
import com.github.scribejava.core.oauth2.clientauthentication.ClientAuthentication;
import com.github.scribejava.core.oauth2.clientauthentication.HttpBasicAuthenticationScheme;
import com.github.scribejava.core.oauth2.clientauthentication.RequestBodyAuthenticationScheme;

/**
 * ScribeJava's generic OAuth 2.0 client on X's endpoints at the sandbox (ScribeJava 8.3.3 has
 * no {@code TwitterApi20}): authorization at {@code /i/oauth2/authorize}, tokens at {@code
 * /2/oauth2/token}, revocation at {@code /2/oauth2/revoke}; HTTP Basic for a confidential client,
 * the {@code client_id} in the body for a public one. PKCE is ScribeJava's own (S256).
 */
final class SandboxTwitterApi20 extends DefaultApi20 {

  private final String baseUrl;
  private final boolean confidential;

  SandboxTwitterApi20(String baseUrl, boolean confidential) {
    this.baseUrl = baseUrl;
    this.confidential = confidential;
  }

  @Override
  public String getAccessTokenEndpoint() {
    return baseUrl + "/2/oauth2/token";
  }

  @Override
  protected String getAuthorizationBaseUrl() {
    return baseUrl + "/i/oauth2/authorize";
  }

  @Override
  public String getRevokeTokenEndpoint() {
    return baseUrl + "/2/oauth2/revoke";
  }

  @Override
  public ClientAuthentication getClientAuthentication() {
    return confidential ? HttpBasicAuthenticationScheme.instance() : RequestBodyAuthenticationScheme.instance();
  }
}
