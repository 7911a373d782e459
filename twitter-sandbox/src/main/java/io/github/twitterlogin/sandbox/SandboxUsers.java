package io.github.twitterlogin.sandbox;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The accounts one can sign in as. */
final class SandboxUsers {

  private final List<SandboxUser> configured;

  SandboxUsers(List<SandboxUser> configured) {
    this.configured = List.copyOf(configured);
  }

  List<SandboxUser> configured() {
    return configured;
  }

  SandboxUser first() {
    return configured.get(0);
  }

  Optional<SandboxUser> byId(String id) {
    return configured.stream().filter(user -> user.id().equals(id)).findFirst();
  }

  Optional<SandboxUser> byScreenName(String screenName) {
    if (screenName == null) {
      return Optional.empty();
    }
    String wanted = (screenName.startsWith("@") ? screenName.substring(1) : screenName).toLowerCase(Locale.ROOT);
    return configured.stream().filter(user -> user.screenName().toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
  }
}
