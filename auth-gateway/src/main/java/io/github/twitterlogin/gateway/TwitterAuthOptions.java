package io.github.twitterlogin.gateway;

import io.github.twitterlogin.shared.AccessType;
import io.github.twitterlogin.shared.LoginPage;
import io.github.twitterlogin.shared.ProfileSource;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * How {@link TwitterAuthHandler} signs browsers in: where Twitter sends them back, how long a
 * started login stays good, who may sign in. Each default is written once, here.
 */
public class TwitterAuthOptions {

  /** How long a started login may take before its callback is refused. */
  public static final long DEFAULT_LOGIN_TIMEOUT_SECONDS = 600;
  /** Logins (tabs) a session may have started and not finished; the oldest makes room. */
  public static final int DEFAULT_MAX_PENDING_LOGINS = 16;
  /** The event-bus timeout of a call to the Twitter client. */
  public static final long DEFAULT_TWITTER_CLIENT_TIMEOUT_MILLIS = 15_000;
  public static final boolean DEFAULT_INVALIDATE_TOKEN_ON_LOGOUT = false;
  /** Where a browser goes once signed in, when its login did not say. */
  public static final String DEFAULT_RETURN_TO = "/";
  /** X's v2 profile: v1.1's verify_credentials is refused on some access tiers (error 453). */
  public static final ProfileSource DEFAULT_PROFILE_SOURCE = ProfileSource.V2;
  /** Twitter's "Sign in with Twitter" page, which skips the consent for an app already allowed. */
  public static final LoginPage DEFAULT_LOGIN_PAGE = LoginPage.AUTHENTICATE;
  public static final boolean DEFAULT_INCLUDE_EMAIL = false;
  /** OAuth 1.0a, X's login since 2010; {@link AuthFlow#OAUTH2} is the one X keeps developing. */
  public static final AuthFlow DEFAULT_FLOW = AuthFlow.OAUTH1;
  /**
   * What an OAuth 2.0 login asks for: {@code 2/users/me}, which the sign-in reads, needs {@code
   * tweet.read} and {@code users.read}; {@code offline.access} grants the refresh token that lets
   * calls as her go on after the access token's 2 hours.
   */
  public static final List<String> DEFAULT_SCOPES = List.of("tweet.read", "users.read", "offline.access");
  /** The scopes that the sign-in's own {@code 2/users/me} needs. */
  static final List<String> SIGN_IN_SCOPES = List.of("tweet.read", "users.read");

  private String callbackUrl;
  private long loginTimeoutSeconds = DEFAULT_LOGIN_TIMEOUT_SECONDS;
  private int maxPendingLogins = DEFAULT_MAX_PENDING_LOGINS;
  private long twitterClientTimeoutMillis = DEFAULT_TWITTER_CLIENT_TIMEOUT_MILLIS;
  private boolean invalidateTokenOnLogout = DEFAULT_INVALIDATE_TOKEN_ON_LOGOUT;
  private String defaultReturnTo = DEFAULT_RETURN_TO;
  private String loginUrl;
  private List<String> allowedUsers = new ArrayList<>();
  private ProfileSource profileSource = DEFAULT_PROFILE_SOURCE;
  private AccessType accessType;
  private LoginPage loginPage = DEFAULT_LOGIN_PAGE;
  private boolean includeEmail = DEFAULT_INCLUDE_EMAIL;
  private AuthFlow flow = DEFAULT_FLOW;
  private List<String> scopes = new ArrayList<>(DEFAULT_SCOPES);

  public TwitterAuthOptions() {
  }

  public TwitterAuthOptions(TwitterAuthOptions other) {
    this(other.toJson());
  }

  /** @throws IllegalArgumentException naming the field whose value has the wrong type */
  public TwitterAuthOptions(JsonObject json) {
    OptionsJson fields = new OptionsJson("TwitterAuthOptions", json);
    callbackUrl = fields.text("callbackUrl", null);
    loginTimeoutSeconds = fields.number("loginTimeoutSeconds", DEFAULT_LOGIN_TIMEOUT_SECONDS);
    maxPendingLogins = fields.integer("maxPendingLogins", DEFAULT_MAX_PENDING_LOGINS);
    twitterClientTimeoutMillis = fields.number("twitterClientTimeoutMillis", DEFAULT_TWITTER_CLIENT_TIMEOUT_MILLIS);
    invalidateTokenOnLogout = fields.flag("invalidateTokenOnLogout", DEFAULT_INVALIDATE_TOKEN_ON_LOGOUT);
    defaultReturnTo = fields.text("defaultReturnTo", DEFAULT_RETURN_TO);
    loginUrl = fields.text("loginUrl", null);
    allowedUsers = new ArrayList<>(fields.texts("allowedUsers"));
    profileSource = choice("profileSource", () -> ProfileSource.fromValue("profileSource",
        fields.text("profileSource", DEFAULT_PROFILE_SOURCE.value())));
    String access = fields.text("accessType", null);
    accessType = access == null ? null : choice("accessType", () -> AccessType.fromValue("accessType", access));
    loginPage = choice("loginPage", () -> LoginPage.fromValue("loginPage",
        fields.text("loginPage", DEFAULT_LOGIN_PAGE.value())));
    includeEmail = fields.flag("includeEmail", DEFAULT_INCLUDE_EMAIL);
    flow = choice("flow", () -> AuthFlow.fromValue("flow", fields.text("flow", DEFAULT_FLOW.value())));
    scopes = json != null && json.containsKey("scopes") ? new ArrayList<>(fields.texts("scopes"))
        : new ArrayList<>(DEFAULT_SCOPES);
  }

  /** X's names of its choices (profile source, access type, page); another name names the field. */
  private static <T> T choice(String field, Supplier<T> parse) {
    try {
      return parse.get();
    } catch (RuntimeException unknown) {
      throw OptionsJson.invalid("TwitterAuthOptions", field, "is not one of X's values: " + unknown.getMessage());
    }
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject()
        .put("loginTimeoutSeconds", loginTimeoutSeconds)
        .put("maxPendingLogins", maxPendingLogins)
        .put("twitterClientTimeoutMillis", twitterClientTimeoutMillis)
        .put("invalidateTokenOnLogout", invalidateTokenOnLogout)
        .put("defaultReturnTo", defaultReturnTo)
        .put("allowedUsers", new JsonArray(new ArrayList<>(allowedUsers)))
        .put("profileSource", profileSource.value())
        .put("loginPage", loginPage.value())
        .put("includeEmail", includeEmail)
        .put("flow", flow.value())
        .put("scopes", new JsonArray(new ArrayList<>(scopes)));
    if (accessType != null) {
      json.put("accessType", accessType.value());
    }
    if (callbackUrl != null) {
      json.put("callbackUrl", callbackUrl);
    }
    if (loginUrl != null) {
      json.put("loginUrl", loginUrl);
    }
    return json;
  }

  /** @throws IllegalArgumentException naming the first field that is missing or out of range */
  public TwitterAuthOptions validate() {
    if (callbackUrl == null || callbackUrl.isBlank()) {
      throw OptionsJson.invalid("TwitterAuthOptions", "callbackUrl", "is required: where Twitter sends the browser back");
    }
    OptionsJson.httpUrl("TwitterAuthOptions", "callbackUrl", callbackUrl);
    if (loginTimeoutSeconds < 1) {
      throw OptionsJson.invalid("TwitterAuthOptions", "loginTimeoutSeconds", "must be at least 1");
    }
    if (maxPendingLogins < 1) {
      throw OptionsJson.invalid("TwitterAuthOptions", "maxPendingLogins", "must be at least 1");
    }
    if (twitterClientTimeoutMillis < 1) {
      throw OptionsJson.invalid("TwitterAuthOptions", "twitterClientTimeoutMillis", "must be at least 1");
    }
    if (defaultReturnTo == null || !defaultReturnTo.startsWith("/") || defaultReturnTo.startsWith("//")) {
      throw OptionsJson.invalid("TwitterAuthOptions", "defaultReturnTo", "must be a path on this site, such as /");
    }
    if (loginUrl != null && (!loginUrl.startsWith("/") || loginUrl.startsWith("//") || loginUrl.contains("?"))) {
      throw OptionsJson.invalid("TwitterAuthOptions", "loginUrl", "must be a path on this site without a query, such as /auth");
    }
    if (profileSource == null || loginPage == null) {
      throw OptionsJson.invalid("TwitterAuthOptions", profileSource == null ? "profileSource" : "loginPage",
          "is required");
    }
    if (includeEmail && profileSource != ProfileSource.V1_1) {
      throw OptionsJson.invalid("TwitterAuthOptions", "includeEmail", "needs profileSource v1.1: only verify_credentials gives the email");
    }
    if (flow == null) {
      throw OptionsJson.invalid("TwitterAuthOptions", "flow", "is required: oauth1 or oauth2");
    }
    if (flow == AuthFlow.OAUTH2) {
      validateOAuth2();
    }
    if (allowedUsers.stream().anyMatch(user -> user == null || user.isBlank())) {
      throw OptionsJson.invalid("TwitterAuthOptions", "allowedUsers", "must not hold blank entries");
    }
    return this;
  }

  /** OAuth 2.0 reads the profile with its bearer token from v2, and asks for what that read needs. */
  private void validateOAuth2() {
    if (profileSource != ProfileSource.V2) {
      throw OptionsJson.invalid("TwitterAuthOptions", "profileSource", "must be v2 with flow oauth2: an OAuth 2.0"
          + " sign-in reads the profile from 2/users/me");
    }
    if (scopes.stream().anyMatch(scope -> scope == null || !scope.matches("[a-z][a-z.]{0,63}"))) {
      throw OptionsJson.invalid("TwitterAuthOptions", "scopes", "must be X's scope names, such as users.read");
    }
    if (!scopes.containsAll(SIGN_IN_SCOPES)) {
      throw OptionsJson.invalid("TwitterAuthOptions", "scopes", "must include tweet.read and users.read: the"
          + " sign-in reads 2/users/me, which needs both");
    }
  }

  public String getCallbackUrl() {
    return callbackUrl;
  }

  /** The absolute URL of the callback route, exactly as registered with the Twitter app. */
  public TwitterAuthOptions setCallbackUrl(String callbackUrl) {
    this.callbackUrl = callbackUrl;
    return this;
  }

  public long getLoginTimeoutSeconds() {
    return loginTimeoutSeconds;
  }

  public TwitterAuthOptions setLoginTimeoutSeconds(long loginTimeoutSeconds) {
    this.loginTimeoutSeconds = loginTimeoutSeconds;
    return this;
  }

  public int getMaxPendingLogins() {
    return maxPendingLogins;
  }

  public TwitterAuthOptions setMaxPendingLogins(int maxPendingLogins) {
    this.maxPendingLogins = maxPendingLogins;
    return this;
  }

  public long getTwitterClientTimeoutMillis() {
    return twitterClientTimeoutMillis;
  }

  public TwitterAuthOptions setTwitterClientTimeoutMillis(long twitterClientTimeoutMillis) {
    this.twitterClientTimeoutMillis = twitterClientTimeoutMillis;
    return this;
  }

  public boolean isInvalidateTokenOnLogout() {
    return invalidateTokenOnLogout;
  }

  /** Whether signing out also revokes the user's access token at Twitter. */
  public TwitterAuthOptions setInvalidateTokenOnLogout(boolean invalidateTokenOnLogout) {
    this.invalidateTokenOnLogout = invalidateTokenOnLogout;
    return this;
  }

  public String getDefaultReturnTo() {
    return defaultReturnTo;
  }

  public TwitterAuthOptions setDefaultReturnTo(String defaultReturnTo) {
    this.defaultReturnTo = defaultReturnTo;
    return this;
  }

  public String getLoginUrl() {
    return loginUrl;
  }

  /**
   * The path of the route set up with {@link TwitterAuthHandler#setupLogin}: a browser that is not
   * signed in is sent there, with {@code return_to}, a cheap redirect that neither stores a session
   * nor calls Twitter until the browser follows it. Without it, the handler starts the login at
   * once, on the protected route itself.
   */
  public TwitterAuthOptions setLoginUrl(String loginUrl) {
    this.loginUrl = loginUrl;
    return this;
  }

  public ProfileSource getProfileSource() {
    return profileSource;
  }

  /**
   * Where the signed-in user's profile comes from: {@code v2} ({@code GET 2/users/me}), {@code
   * v1.1} ({@code verify_credentials}, the only one that can give the email) or {@code token} (no
   * call at all: the id and screen name of the access-token answer, the screen name as name, no
   * avatar; a profile read costs the app nothing).
   */
  public TwitterAuthOptions setProfileSource(ProfileSource profileSource) {
    this.profileSource = profileSource;
    return this;
  }

  public AccessType getAccessType() {
    return accessType;
  }

  /** X's {@code x_auth_access_type}: {@code read} or {@code write}; null, the app's own permission. */
  public TwitterAuthOptions setAccessType(AccessType accessType) {
    this.accessType = accessType;
    return this;
  }

  public LoginPage getLoginPage() {
    return loginPage;
  }

  /** {@code authenticate} ("Sign in with Twitter", skips the consent once allowed) or {@code authorize} (asks every time). */
  public TwitterAuthOptions setLoginPage(LoginPage loginPage) {
    this.loginPage = loginPage;
    return this;
  }

  public boolean isIncludeEmail() {
    return includeEmail;
  }

  /** Asks for the user's email (v1.1 only; the app needs X's email permission). */
  public TwitterAuthOptions setIncludeEmail(boolean includeEmail) {
    this.includeEmail = includeEmail;
    return this;
  }

  public AuthFlow getFlow() {
    return flow;
  }

  /**
   * {@code oauth1} (the default) or {@code oauth2}: OAuth 2.0 needs the Twitter client's OAuth 2.0
   * client id, and its profile source is v2; the login page, access type, {@code force_login}
   * and {@code screen_name} are OAuth 1.0a's and are not used by it.
   */
  public TwitterAuthOptions setFlow(AuthFlow flow) {
    this.flow = flow;
    return this;
  }

  public List<String> getScopes() {
    return List.copyOf(scopes);
  }

  /** The OAuth 2.0 scopes a login asks for ({@link #DEFAULT_SCOPES}); OAuth 1.0a has none. */
  public TwitterAuthOptions setScopes(List<String> scopes) {
    this.scopes = new ArrayList<>(scopes);
    return this;
  }

  public List<String> getAllowedUsers() {
    return List.copyOf(allowedUsers);
  }

  /** User ids or screen names (case-insensitive) that may sign in; empty, the default, lets everyone in. */
  public TwitterAuthOptions setAllowedUsers(List<String> allowedUsers) {
    this.allowedUsers = new ArrayList<>(allowedUsers);
    return this;
  }
}
