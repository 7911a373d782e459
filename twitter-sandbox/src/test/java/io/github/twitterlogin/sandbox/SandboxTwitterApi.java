package io.github.twitterlogin.sandbox;

import com.github.scribejava.apis.TwitterApi;
import com.github.scribejava.core.services.TimestampService;

/** ScribeJava's own TwitterApi, with only its base URL moved to the sandbox, as a user would do. */
final class SandboxTwitterApi extends TwitterApi {

  private final String baseUrl;
  private final TimestampService timestamps;

  SandboxTwitterApi(String baseUrl, TimestampService timestamps) {
    this.baseUrl = baseUrl;
    this.timestamps = timestamps;
  }

  @Override
  public String getRequestTokenEndpoint() {
    return baseUrl + "/oauth/request_token";
  }

  @Override
  public String getAccessTokenEndpoint() {
    return baseUrl + "/oauth/access_token";
  }

  @Override
  public String getAuthorizationBaseUrl() {
    return baseUrl + "/oauth/authenticate";
  }

  @Override
  public TimestampService getTimestampService() {
    return timestamps == null ? super.getTimestampService() : timestamps;
  }
}
