package io.github.twitterlogin.client.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 5849 section 3.5.1, both ways: what the signer writes and what the sandbox reads. */
class AuthorizationHeaderTest {

  @Test
  void parametersAreEncodedQuotedAndJoinedByCommaSpace() {
    assertThat(AuthorizationHeader.format(List.of(new Parameter("realm", "a b"), new Parameter("oauth_token", "t/1"))))
        .isEqualTo("OAuth realm=\"a%20b\", oauth_token=\"t%2F1\"");
  }

  @Test
  void aFormattedHeaderParsesBackInItsOrder() {
    List<Parameter> parameters = List.of(new Parameter("oauth_b", "é&\""), new Parameter("oauth_a", ""));

    assertThat(AuthorizationHeader.parse(AuthorizationHeader.format(parameters))).containsExactlyElementsOf(parameters);
  }

  @Test
  void theSchemeIsCaseInsensitiveAndSpacesAroundPairsAreAllowed() {
    assertThat(AuthorizationHeader.parse("oauth  a = \"1\" ,b=\"2\""))
        .containsExactly(new Parameter("a", "1"), new Parameter("b", "2"));
  }

  @Test
  void anotherSchemeIsNotAnOAuthHeader() {
    assertThatIllegalArgumentException().isThrownBy(() -> AuthorizationHeader.parse("OAuth2 a=\"b\""));
    assertThatIllegalArgumentException().isThrownBy(() -> AuthorizationHeader.parse("Bearer abc"));
    assertThatIllegalArgumentException().isThrownBy(() -> AuthorizationHeader.parse("OAuth"));
    assertThatIllegalArgumentException().isThrownBy(() -> AuthorizationHeader.parse(null));
  }

  @Test
  void aMalformedPairIsRefused() {
    assertThatIllegalArgumentException().isThrownBy(() -> AuthorizationHeader.parse("OAuth a=\"b\" c=\"d\""));
    assertThatIllegalArgumentException().isThrownBy(() -> AuthorizationHeader.parse("OAuth a=b"));
    assertThatIllegalArgumentException().isThrownBy(() -> AuthorizationHeader.parse("OAuth a=\"%zz\""));
  }
}
