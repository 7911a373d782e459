package io.github.twitterlogin.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.twitterlogin.client.oauth.Parameter;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallbackUrlTest {

  private static final List<Parameter> ANSWER = List.of(new Parameter("oauth_token", "t"), new Parameter("oauth_verifier", "v"));

  @Test
  void callbackWithoutQueryGetsOne() {
    assertThat(CallbackUrl.withParameters("http://127.0.0.1:8080/callback", ANSWER))
        .isEqualTo("http://127.0.0.1:8080/callback?oauth_token=t&oauth_verifier=v");
  }

  @Test
  void callbackWithQueryKeepsItAndAppends() {
    assertThat(CallbackUrl.withParameters("http://127.0.0.1:8080/callback?tab=2", ANSWER))
        .isEqualTo("http://127.0.0.1:8080/callback?tab=2&oauth_token=t&oauth_verifier=v");
  }

  @Test
  void callbackEndingInQuestionMarkGetsNoSecondSeparator() {
    assertThat(CallbackUrl.withParameters("http://127.0.0.1:8080/callback?", ANSWER))
        .isEqualTo("http://127.0.0.1:8080/callback?oauth_token=t&oauth_verifier=v");
  }

  @Test
  void parametersGoBeforeTheFragment() {
    assertThat(CallbackUrl.withParameters("http://127.0.0.1:8080/app?x=1#done", List.of(new Parameter("denied", "t"))))
        .isEqualTo("http://127.0.0.1:8080/app?x=1&denied=t#done");
  }

  @Test
  void valuesArePercentEncoded() {
    assertThat(CallbackUrl.withParameters("http://127.0.0.1:8080/cb", List.of(new Parameter("denied", "a b&c"))))
        .isEqualTo("http://127.0.0.1:8080/cb?denied=a%20b%26c");
  }
}
