package io.github.twitterlogin.service.testing;

import io.github.twitterlogin.client.oauth.PercentEncoding;
import io.github.twitterlogin.service.testing.SecretLedger.Secret;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Looks for secrets in log files, as they are and percent-encoded (RFC 3986, as in a signed
 * request, and as an HTML form encodes them). A finding names the file, the line and the kind
 * of secret, never the secret or the line: the report of a leak must not leak it again.
 */
public final class LogSecretScan {

  private LogSecretScan() {
  }

  /** Every line of the files that holds one of the secrets, as {@code file:line: kind #n}. */
  public static List<String> findings(Collection<Path> files, Collection<Secret> secrets) {
    List<String[]> forms = new ArrayList<>();
    for (Secret secret : secrets) {
      for (String form : formsOf(secret.value())) {
        forms.add(new String[] {form, secret.label()});
      }
    }
    List<String> findings = new ArrayList<>();
    for (Path file : files) {
      scan(file, forms, findings);
    }
    return findings;
  }

  private static Set<String> formsOf(String secret) {
    Set<String> forms = new LinkedHashSet<>();
    forms.add(secret);
    forms.add(PercentEncoding.encode(secret));
    forms.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
    return forms;
  }

  private static void scan(Path file, List<String[]> forms, List<String> findings) {
    // A process killed mid-write may leave half a character: read it as replaced, not as an error.
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
        StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)))) {
      String line;
      int number = 0;
      while ((line = lines.readLine()) != null) {
        number++;
        for (String[] form : forms) {
          if (line.contains(form[0])) {
            findings.add(file + ":" + number + ": " + form[1]);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the log " + file, e);
    }
  }
}
