package io.github.twitterlogin.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.scribejava.core.model.OAuth2AccessToken;
import com.github.scribejava.core.oauth.AccessTokenRequestParams;
import com.github.scribejava.core.oauth.AuthorizationUrlBuilder;
import com.github.scribejava.core.oauth.OAuth20Service;
import com.github.scribejava.core.pkce.PKCE;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * One OAuth 2.0 login as a browser and ScribeJava make it: the authorization URL with a fresh
 * PKCE pair, the consent page, the form posted as a person presses a button, the redirect back.
 */
final class OAuth2Login {

  final PKCE pkce;
  final String state;
  final HttpResponse<Buffer> redirect;

  private OAuth2Login(PKCE pkce, String state, HttpResponse<Buffer> redirect) {
    this.pkce = pkce;
    this.state = state;
    this.redirect = redirect;
  }

  /** Up to the redirect back to the client, {@code button} pressed on the page as {@code userId}. */
  static OAuth2Login through(SandboxFixture sandbox, OAuth20Service service, String userId, String button) {
    String state = "state-" + System.nanoTime();
    AuthorizationUrlBuilder url = service.createAuthorizationUrlBuilder().state(state).initPKCE();
    HttpResponse<Buffer> page = sandbox.getAbs(url.build());
    assertThat(page.statusCode()).as(page.bodyAsString()).isEqualTo(200);
    ConsentForm form = ConsentForm.of(page.bodyAsString());
    HttpResponse<Buffer> redirect = sandbox.post(form.action(), form.submit(userId, button));
    assertThat(redirect.statusCode()).as(redirect.bodyAsString()).isEqualTo(302);
    return new OAuth2Login(url.getPkce(), state, redirect);
  }

  String location() {
    return redirect.getHeader("Location");
  }

  String parameter(String name) {
    return queryParameter(location(), name);
  }

  OAuth2AccessToken exchange(OAuth20Service service) throws Exception {
    return service.getAccessToken(AccessTokenRequestParams.create(parameter("code"))
        .pkceCodeVerifier(pkce.getCodeVerifier()));
  }

  static String queryParameter(String url, String name) {
    for (String pair : URI.create(url).getRawQuery().split("&")) {
      int equals = pair.indexOf('=');
      if (pair.substring(0, equals).equals(name)) {
        return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }
}
