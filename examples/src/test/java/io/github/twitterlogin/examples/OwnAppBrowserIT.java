package io.github.twitterlogin.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.twitterlogin.service.browser.HeadlessChromium;
import io.github.twitterlogin.service.browser.SandboxAccount;
import io.github.twitterlogin.service.browser.SignInJourney;
import io.github.twitterlogin.service.process.Browsers;
import io.github.twitterlogin.service.process.BuildOutputs;
import io.github.twitterlogin.service.process.LaunchedProcesses;
import io.github.twitterlogin.service.process.LoopbackCluster;
import io.github.twitterlogin.service.process.ServiceProcess;
import io.github.twitterlogin.service.process.TestApp;
import io.github.twitterlogin.service.process.WitnessedSandbox;
import io.github.twitterlogin.service.testing.SandboxWitness;
import io.github.twitterlogin.shared.testing.TestKeys;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * The web app of your own, started from its jar ({@code examples/target/own-app.jar}) as a
 * person would, with the sandbox in a process of its own: a real browser signs in through it,
 * sees its profile, and signs out.
 */
class OwnAppBrowserIT {

  private static final By VISITOR = By.id("visitor");
  private static final By GREETING = By.id("greeting");
  private static final By SIGN_IN = By.id("sign-in");
  private static final By SIGN_OUT = By.id("sign-out");

  @RegisterExtension
  static final LaunchedProcesses processes = new LaunchedProcesses();

  private static final Browsers browsers = new Browsers();

  private static LoopbackCluster cluster;
  private static SandboxWitness witness;
  private static String appUrl;

  @BeforeAll
  static void startTheApp() throws Exception {
    TestApp app = TestApp.create();
    WitnessedSandbox sandbox = WitnessedSandbox.start(processes, app);
    cluster = LoopbackCluster.start("own-app");
    witness = sandbox.awaitWitness(browsers.vertx());
    // HTTP_PORT=0 without PUBLIC_URL: the callback names the port the app takes.
    ServiceProcess ownApp = processes.start("own-app", BuildOutputs.existing("own-app.jar"),
        LaunchedProcesses.SERVICE_BANNER, cluster.member()
            .roles("gateway", "twitter-client")
            .twitterApi(witness.url(), app)
            .with("SESSION_ENCRYPTION_KEYS", TestKeys.SESSION_ENCRYPTION_KEYS)
            .with("HTTP_HOST", "127.0.0.1")
            .with("HTTP_PORT", "0")
            .with("GATEWAY_INSTANCES", "1"));
    ownApp.awaitReady();
    appUrl = "http://127.0.0.1:" + ownApp.httpPort();
  }

  @AfterAll
  static void stop() throws Exception {
    browsers.close();
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void aVisitorSignsInSeesTheProfileAndSignsOut() {
    try (HeadlessChromium browser = HeadlessChromium.start()) {
      browser.open(appUrl + "/");
      browser.expect(VISITOR);
      browser.screenshot("own-app-visitor");

      browser.click(SIGN_IN);
      browser.expect(SignInJourney.AUTHORIZE);
      browser.click(SignInJourney.sandboxUser(SandboxAccount.ADA));
      browser.click(SignInJourney.AUTHORIZE);
      browser.expectUrl(appUrl + "/private/profile");
      JsonObject principal = new JsonObject(browser.script("return document.body.innerText;").toString());
      assertThat(principal.getString("id")).isEqualTo(SandboxAccount.ADA.id());
      assertThat(principal.getString("screenName")).isEqualTo(SandboxAccount.ADA.screenName());
      assertThat(principal.fieldNames()).doesNotContain("token", "tokenSecret", "accessToken");

      browser.open(appUrl + "/");
      browser.expectText(GREETING, "Signed in as " + SandboxAccount.ADA.name() + ".");
      browser.screenshot("own-app-signed-in");
      browser.click(SIGN_OUT);
      browser.expect(VISITOR);

      browser.open(appUrl + "/private/profile");
      browser.expect(SignInJourney.AUTHORIZE);
    }
    assertThat(witness.checkedRequests()).as("requests whose signature the witness checked").isPositive();
    assertThat(witness.refusals()).isEmpty();
  }
}
