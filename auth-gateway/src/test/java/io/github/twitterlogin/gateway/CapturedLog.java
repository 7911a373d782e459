package io.github.twitterlogin.gateway;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What the log says while a test runs: slf4j-simple writes to {@code System.err} as it is at each
 * line (it does not keep the stream unless told to), so the lines are copied here, and still
 * reach the console.
 */
final class CapturedLog implements AutoCloseable {

  private final PrintStream original = System.err;
  private final ByteArrayOutputStream copy = new ByteArrayOutputStream();

  private CapturedLog() {
    OutputStream both = new OutputStream() {
      @Override
      public void write(int b) {
        synchronized (copy) {
          copy.write(b);
        }
        original.write(b);
      }

      @Override
      public void write(byte[] bytes, int offset, int length) {
        synchronized (copy) {
          copy.write(bytes, offset, length);
        }
        original.write(bytes, offset, length);
      }
    };
    System.setErr(new PrintStream(both, true, StandardCharsets.UTF_8));
  }

  static CapturedLog start() {
    return new CapturedLog();
  }

  List<String> lines() {
    synchronized (copy) {
      return copy.toString(StandardCharsets.UTF_8).lines().toList();
    }
  }

  /** The lines of our own code and of Vert.x at WARN or ERROR, and every line of a stack trace. */
  List<String> warningsAndStackTraces() {
    return lines().stream()
        .filter(line -> line.contains(" WARN ") || line.contains(" ERROR ") || line.startsWith("\tat ")
            || line.startsWith("Caused by"))
        .filter(line -> !line.contains("com.hazelcast"))
        .toList();
  }

  @Override
  public void close() {
    System.setErr(original);
  }
}
