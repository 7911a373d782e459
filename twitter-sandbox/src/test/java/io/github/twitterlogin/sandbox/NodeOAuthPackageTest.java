package io.github.twitterlogin.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The real node-oauth, the OAuth 1.0a library under passport-twitter, against the sandbox: npm
 * installs the {@code oauth} package from the npm registry into {@code target/node-oauth} (once
 * per build directory, about three seconds), and {@code node} runs {@code node-oauth/flow.js} in
 * two steps around the browser's consent. Node and npm are a requirement of the build, as
 * Chromium is of the browser tests: without them this test fails, it is never skipped.
 */
@ExtendWith(VertxExtension.class)
class NodeOAuthPackageTest {

  private static final String PACKAGE = "oauth@0.10.2";
  private static final Path DIRECTORY = Path.of("target", "node-oauth").toAbsolutePath();
  private static final long DEADLINE_SECONDS = 60;

  @RegisterExtension
  final ErrorLog log = new ErrorLog();

  @BeforeAll
  static void installNodeOAuth() throws Exception {
    Files.createDirectories(DIRECTORY);
    try (InputStream script = NodeOAuthPackageTest.class.getResourceAsStream("/node-oauth/flow.js")) {
      Files.copy(script, DIRECTORY.resolve("flow.js"), StandardCopyOption.REPLACE_EXISTING);
    }
    if (!Files.exists(DIRECTORY.resolve("node_modules/oauth/package.json"))) {
      Run install = run(List.of("npm", "install", "--no-audit", "--no-fund", "--no-package-lock", "--prefix",
          DIRECTORY.toString(), PACKAGE));
      assertThat(install.exitCode()).as("npm install %s: %s", PACKAGE, install.output()).isZero();
    }
  }

  @Test
  void nodeOAuthSignsInThroughTheConsentPageAndReadsTheProfile(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());

    JsonObject issued = node("request-token", sandbox, SandboxFixture.CALLBACK);
    assertThat(issued.getJsonObject("results").getString("oauth_callback_confirmed")).isEqualTo("true");
    HttpResponse<Buffer> page = sandbox.get("/oauth/authenticate?oauth_token=" + issued.getString("token"));
    ConsentForm form = ConsentForm.of(page.bodyAsString());
    HttpResponse<Buffer> approved = sandbox.post(form.action(), form.submit("1000000002", "authorize"));
    JsonObject signedIn = node("access-and-profile", sandbox, issued.getString("token"),
        issued.getString("tokenSecret"), SandboxFixture.verifierOf(approved));

    assertThat(signedIn.getJsonObject("results").getString("user_id")).isEqualTo("1000000002");
    assertThat(signedIn.getJsonObject("results").getString("screen_name")).isEqualTo("zoe_angstrom");
    assertThat(signedIn.getJsonObject("usersMe").getJsonObject("data")).isEqualTo(new JsonObject()
        .put("id", "1000000002").put("name", "Zoë Ångström").put("username", "zoe_angstrom").put("verified", false)
        .put("profile_image_url", sandbox.baseUrl() + "/sandbox/avatars/1000000002.svg"));
    assertThat(signedIn.getString("accessLevel")).isEqualTo("read-write");
    assertThat(signedIn.getJsonObject("credentials").getString("id_str")).isEqualTo("1000000002");
    assertThat(log.errorLines()).isEmpty();
  }

  @Test
  void nodeOAuthAsksForReadAccessAsPassportTwitterOffersIt(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject().put("autoApprove", true));

    JsonObject issued = node("request-token", sandbox, SandboxFixture.CALLBACK, "read");
    HttpResponse<Buffer> approved = sandbox.get("/oauth/authenticate?oauth_token=" + issued.getString("token"));
    JsonObject signedIn = node("access-and-profile", sandbox, issued.getString("token"),
        issued.getString("tokenSecret"), SandboxFixture.verifierOf(approved));

    assertThat(signedIn.getString("accessLevel")).isEqualTo("read");
  }

  /** One step of flow.js as the default consumer; the test thread waits, the sandbox answers on its event loop. */
  private static JsonObject node(String command, SandboxFixture sandbox, String... arguments) throws Exception {
    List<String> line = new ArrayList<>(List.of("node", DIRECTORY.resolve("flow.js").toString(), command,
        sandbox.baseUrl(), SandboxConsumer.DEFAULT_KEY, SandboxConsumer.DEFAULT_SECRET));
    line.addAll(List.of(arguments));
    Run step = run(line);
    assertThat(step.exitCode()).as("node flow.js %s: %s", command, step.output()).isZero();
    return new JsonObject(step.output());
  }

  private record Run(int exitCode, String output) {
  }

  /** Runs a command to its end within the deadline; its output goes to a file, so that no pipe can fill up. */
  private static Run run(List<String> command) throws IOException, InterruptedException {
    Path output = Files.createTempFile(DIRECTORY, "run", ".out");
    Process process = new ProcessBuilder(command).directory(DIRECTORY.toFile()).redirectErrorStream(true)
        .redirectOutput(output.toFile()).start();
    try {
      if (!process.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS)) {
        throw new AssertionError(String.join(" ", command) + " did not end within " + DEADLINE_SECONDS + " s: "
            + Files.readString(output, StandardCharsets.UTF_8));
      }
      return new Run(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    } finally {
      process.destroyForcibly();
      Files.deleteIfExists(output);
    }
  }
}
