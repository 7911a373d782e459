package io.github.twitterlogin.service;

import java.util.Arrays;
import java.util.Locale;

/** What a process of the cluster runs; every process starts from the same jar. */
public enum Role {
  GATEWAY("gateway"),
  TWITTER_CLIENT("twitter-client"),
  SANDBOX("sandbox");

  private final String settingName;

  Role(String settingName) {
    this.settingName = settingName;
  }

  public String settingName() {
    return settingName;
  }

  public static Role parse(String name) {
    String wanted = name.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(role -> role.settingName.equals(wanted))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(
            "ROLES holds an unknown role '" + name + "'; the roles are gateway, twitter-client and sandbox"));
  }
}
