package io.github.twitterlogin.sandbox;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The accounts one can sign in as: the configured users and, in load mode, a new one per
 * approval. A load user is made from its id alone ({@code load1} is {@value #LOAD_ID_BASE} + 1),
 * so the sandbox keeps nothing per load user: once its tokens are forgotten, nothing of it is
 * left, and a run of any number of logins stays in bounded memory. One verticle instance owns
 * it, on its event loop.
 */
final class SandboxUsers {

  static final long LOAD_ID_BASE = 2_000_000_000_000L;
  private static final String LOAD_SCREEN_NAME = "load";
  /** Screen names have at most 15 characters: "load" and 11 digits. */
  private static final long MAX_LOAD_USERS = 99_999_999_999L;

  private final List<SandboxUser> configured;
  private final boolean loadMode;
  private long loadUsers;

  SandboxUsers(List<SandboxUser> configured, boolean loadMode) {
    this.configured = List.copyOf(configured);
    this.loadMode = loadMode;
  }

  List<SandboxUser> configured() {
    return configured;
  }

  SandboxUser first() {
    return configured.get(0);
  }

  Optional<SandboxUser> byId(String id) {
    Optional<SandboxUser> found = configured.stream().filter(user -> user.id().equals(id)).findFirst();
    return found.isPresent() || !loadMode ? found : loadUser(id);
  }

  Optional<SandboxUser> byScreenName(String screenName) {
    if (screenName == null) {
      return Optional.empty();
    }
    String wanted = (screenName.startsWith("@") ? screenName.substring(1) : screenName).toLowerCase(Locale.ROOT);
    return configured.stream().filter(user -> user.screenName().toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
  }

  /** A user never signed in before, for load mode; skips any number a configured user already has. */
  SandboxUser newLoadUser() {
    while (loadUsers < MAX_LOAD_USERS) {
      loadUsers++;
      SandboxUser user = loadUserNumber(loadUsers);
      if (configured.stream().noneMatch(taken -> taken.id().equals(user.id())
          || taken.screenName().equalsIgnoreCase(user.screenName()))) {
        return user;
      }
    }
    throw new IllegalStateException("Load mode has used up its " + MAX_LOAD_USERS + " user numbers");
  }

  long loadUserCount() {
    return loadUsers;
  }

  private Optional<SandboxUser> loadUser(String id) {
    long number;
    try {
      number = Long.parseLong(id) - LOAD_ID_BASE;
    } catch (NumberFormatException notANumber) {
      return Optional.empty();
    }
    return number >= 1 && number <= loadUsers ? Optional.of(loadUserNumber(number)) : Optional.empty();
  }

  private static SandboxUser loadUserNumber(long number) {
    return new SandboxUser(Long.toString(LOAD_ID_BASE + number), LOAD_SCREEN_NAME + number, "Load user " + number,
        null, null);
  }
}
