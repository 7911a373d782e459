package io.github.twitterlogin.service.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * After a test class, fails it when any secret of the {@link SecretLedger} shows in the log of
 * this JVM (slf4j-simple writes it to the file that surefire and failsafe name in
 * {@code org.slf4j.simpleLogger.logFile}, see {@code service/pom.xml}) or in the logs of the
 * processes it started. Register it with {@code @ExtendWith}, or call {@link #check} with the
 * process logs.
 */
public final class SecretsStayOutOfLogs implements AfterAllCallback {

  static final String LOG_FILE_PROPERTY = "org.slf4j.simpleLogger.logFile";

  @Override
  public void afterAll(ExtensionContext context) {
    check(List.of());
  }

  /** @param directories more logs to read: every file under them */
  public static void check(List<Path> directories) {
    List<Path> logs = new ArrayList<>();
    logs.add(thisJvmsLog());
    directories.forEach(directory -> logs.addAll(filesUnder(directory)));
    List<String> findings = LogSecretScan.findings(logs, SecretLedger.all());
    if (!findings.isEmpty()) {
      throw new AssertionError("Secrets in the logs (" + SecretLedger.all().size() + " secrets looked for):\n"
          + String.join("\n", findings));
    }
  }

  /** The file this JVM logs to; without one, the scan would read nothing and prove nothing. */
  public static Path thisJvmsLog() {
    String file = System.getProperty(LOG_FILE_PROPERTY);
    if (file == null || file.equals("System.err") || file.equals("System.out")) {
      throw new IllegalStateException(LOG_FILE_PROPERTY + " does not name a file: the service's tests run "
          + "through surefire and failsafe (`mvn verify`), which set it so that the logs can be searched for secrets");
    }
    Path log = Path.of(file);
    if (!Files.isRegularFile(log)) {
      throw new IllegalStateException(LOG_FILE_PROPERTY + " names " + log + ", which slf4j-simple has not written");
    }
    return log;
  }

  private static List<Path> filesUnder(Path directory) {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(directory)) {
      return files.filter(Files::isRegularFile).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
