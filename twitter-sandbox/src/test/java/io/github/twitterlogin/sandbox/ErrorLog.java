package io.github.twitterlogin.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What a test's run logged at ERROR. slf4j-simple, the tests' log, writes to whatever {@code
 * System.err} is when it writes (its default output, not the cached one), and Vert.x logs
 * through it: this tees {@code System.err} for the test and keeps what passed.
 */
final class ErrorLog implements BeforeEachCallback, AfterEachCallback {

  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
  private PrintStream original;

  @Override
  public void beforeEach(ExtensionContext context) {
    original = System.err;
    OutputStream tee = new OutputStream() {
      @Override
      public void write(int b) {
        original.write(b);
        synchronized (captured) {
          captured.write(b);
        }
      }

      @Override
      public void write(byte[] bytes, int offset, int length) {
        original.write(bytes, offset, length);
        synchronized (captured) {
          captured.write(bytes, offset, length);
        }
      }
    };
    System.setErr(new PrintStream(tee, true, StandardCharsets.UTF_8));
  }

  @Override
  public void afterEach(ExtensionContext context) {
    System.setErr(original);
  }

  /** The lines logged at ERROR so far, in slf4j-simple's format ({@code [thread] ERROR logger - message}). */
  List<String> errorLines() {
    String text;
    synchronized (captured) {
      text = captured.toString(StandardCharsets.UTF_8);
    }
    return Arrays.stream(text.split("\\R")).filter(line -> line.contains("] ERROR ")).toList();
  }
}
