package io.github.twitterlogin.service.browser;

/** Default accounts of the sandbox that the browser tests sign in as. */
public record SandboxAccount(String id, String screenName, String name) {

  public static final SandboxAccount ADA = new SandboxAccount("1000000001", "ada", "Ada Lovelace");
  /** Her name is HTML: every page that shows it must show it as text. */
  public static final SandboxAccount MALLORY =
      new SandboxAccount("1000000004", "mallory", "<script>alert(\"x\")</script> & 'Co'");
}
