package io.github.twitterlogin.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.twitterlogin.shared.TwitterUser;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class EscapingTest {

  private static final TwitterUser MALLORY = new TwitterUser("666", "mallory",
      "<script>alert(\"x\")</script> & 'Co'", "https://avatars.example/m.png\" onerror=\"alert(1)", null);

  @Test
  void profilePageShowsMarkupInNamesAsText(Vertx vertx) throws Exception {
    GatewayFixture gateway = GatewayFixture.start(vertx);
    gateway.twitter.signInAs(MALLORY);
    gateway.signIn();

    String page = gateway.get("/app").bodyAsString();

    assertThat(page).doesNotContain("<script>alert", "\" onerror=\"")
        .contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Co&#39;");
  }

  @Test
  void landingPageShowsMarkupInNamesAsText(Vertx vertx) throws Exception {
    GatewayFixture gateway = GatewayFixture.start(vertx);
    gateway.twitter.signInAs(MALLORY);
    gateway.signIn();

    assertThat(gateway.get("/").bodyAsString()).doesNotContain("<script>alert").contains("&lt;script&gt;");
  }
}
