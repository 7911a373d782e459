package io.github.twitterlogin.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** X's rules for callback URLs: registered exactly, at most ten, no query in the registration. */
class RegisteredCallbacksTest {

  private static final RegisteredCallbacks EXACT = new RegisteredCallbacks(
      List.of("https://app.example/callback", "http://127.0.0.1:8080/callback/"), List.of());

  @Test
  void registeredUrlIsApprovedExactly() {
    assertThat(EXACT.approvesWithQuery("https://app.example/callback")).isTrue();
    assertThat(EXACT.approvesExactly("https://app.example/callback")).isTrue();
  }

  @Test
  void trailingSlashMakesAnotherUrl() {
    assertThat(EXACT.approvesWithQuery("https://app.example/callback/")).isFalse();
    assertThat(EXACT.approvesWithQuery("http://127.0.0.1:8080/callback")).isFalse();
    assertThat(EXACT.approvesWithQuery("http://127.0.0.1:8080/callback/")).isTrue();
  }

  @Test
  void anotherPortHostSchemeOrPathIsNotApproved() {
    assertThat(EXACT.approvesWithQuery("https://app.example:8443/callback")).isFalse();
    assertThat(EXACT.approvesWithQuery("http://app.example/callback")).isFalse();
    assertThat(EXACT.approvesWithQuery("https://app.example/callback2")).isFalse();
    assertThat(EXACT.approvesWithQuery("https://app.example/")).isFalse();
  }

  @Test
  void localhostIsNotTheRegistered127001() {
    assertThat(EXACT.approvesWithQuery("http://localhost:8080/callback/")).isFalse();
  }

  @Test
  void oauth1CallbackMayAddAQueryToARegisteredUrl() {
    assertThat(EXACT.approvesWithQuery("https://app.example/callback?source=twitter")).isTrue();
    assertThat(EXACT.approvesWithQuery("https://app.example/callback#fragment")).isFalse();
  }

  @Test
  void oauth2RedirectUriMustMatchQueryAndAll() {
    assertThat(EXACT.approvesExactly("https://app.example/callback?source=twitter")).isFalse();
  }

  @Test
  void developmentPrefixApprovesAnyUrlUnderIt() {
    RegisteredCallbacks development = new RegisteredCallbacks(List.of(), List.of("http://127.0.0.1:"));

    assertThat(development.approvesWithQuery("http://127.0.0.1:8081/callback")).isTrue();
    assertThat(development.approvesExactly("http://127.0.0.1:9999/other")).isTrue();
    assertThat(development.approvesWithQuery("http://127.0.0.1:80@evil.example/callback")).isFalse();
  }

  @Test
  void atMostTenUrlsAreRegistered() {
    List<String> eleven = IntStream.rangeClosed(1, 11).mapToObj(n -> "https://app.example/callback" + n).toList();

    assertThat(new RegisteredCallbacks(eleven.subList(0, 10), List.of()).urls()).hasSize(10);
    assertThatThrownBy(() -> new RegisteredCallbacks(eleven, List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("At most 10");
  }

  @Test
  void registeredUrlWithAQueryIsRefused() {
    assertThatThrownBy(() -> new RegisteredCallbacks(List.of("https://app.example/callback?source=x"), List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("without query");
  }

  @Test
  void registeredUrlWithUserInfoIsRefused() {
    assertThatThrownBy(() -> new RegisteredCallbacks(List.of("http://127.0.0.1:80@evil.example/cb"), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
