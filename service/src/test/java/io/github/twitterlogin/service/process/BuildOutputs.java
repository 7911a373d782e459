package io.github.twitterlogin.service.process;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the build put what the process tests start; failsafe passes each as a system property. */
public final class BuildOutputs {

  private BuildOutputs() {
  }

  public static Path serviceJar() {
    return existing("service.jar");
  }

  /** The sandbox's standalone jar, which binds port 0 and reports the port it got. */
  public static Path sandboxJar() {
    return existing("sandbox.jar");
  }

  public static Path processLogs() {
    return Path.of(property("process.logs"));
  }

  /** The event-bus TLS test material of the shared module: a CA and a member certificate it signed. */
  public static Path tlsMaterial() {
    return existing("tls.material");
  }

  /** A file the build made, named by the system property {@code name}. */
  public static Path existing(String name) {
    Path path = Path.of(property(name)).toAbsolutePath().normalize();
    if (!Files.exists(path)) {
      throw new IllegalStateException(name + " points to " + path + ", which does not exist; run `mvn verify`, "
          + "which builds it in the package phase");
    }
    return path;
  }

  private static String property(String name) {
    String value = System.getProperty(name);
    if (value == null) {
      throw new IllegalStateException("System property " + name + " is not set; the process tests run through "
          + "maven-failsafe-plugin (`mvn verify`), which sets it");
    }
    return value;
  }
}
