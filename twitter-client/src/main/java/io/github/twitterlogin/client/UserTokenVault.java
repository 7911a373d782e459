package io.github.twitterlogin.client;

import io.github.twitterlogin.shared.OAuth2Tokens;
import io.github.twitterlogin.shared.SignedOut;
import io.github.twitterlogin.shared.TokenCredentials;
import io.github.twitterlogin.shared.TwitterFailure;
import io.github.twitterlogin.shared.TwitterFailureException;
import io.github.twitterlogin.shared.UserToken;
import io.github.twitterlogin.shared.cluster.ClusterEntries;
import io.github.twitterlogin.shared.cluster.ClusterSettings;
import io.github.twitterlogin.shared.crypto.Keyring;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The access tokens of signed-in users, kept by the Twitter client role in the cluster map
 * {@value #MAP_NAME}, so that other verticles call Twitter as a user by naming her, never holding
 * her secret. Each entry is sealed (AES-GCM, with the user id as associated data) with the keys
 * of {@code SESSION_ENCRYPTION_KEYS}, under a keyed hash of the user id; it holds her token and
 * the sign-ins that keep it, and changes by compare-and-set, as the sessions do. An OAuth 2.0
 * entry's refresh is one member's at a time, under the cluster-wide lock {@link #lockName}.
 */
final class UserTokenVault {

  static final String MAP_NAME = ClusterSettings.USER_TOKEN_MAP_NAME;

  private static final String KEY_DIGEST = "twitter-login/user-token/v1";
  private static final int MAX_ATTEMPTS = 32;

  /**
   * A user's kept token and the sign-ins (sessions) that keep it: her OAuth 1.0a access token, or
   * her OAuth 2.0 tokens, whose refresh token rotates.
   */
  record Kept(TokenCredentials token, OAuth2Tokens oauth2, List<String> signIns) {

    Kept {
      if ((token == null) == (oauth2 == null)) {
        throw new IllegalArgumentException("A kept token is either OAuth 1.0a's or OAuth 2.0's");
      }
    }

    /** How a call as her is signed. */
    UserToken signer() {
      return token != null ? UserToken.of(token) : oauth2.bearer();
    }

    Kept withSignIns(List<String> changed) {
      return new Kept(token, oauth2, changed);
    }

    JsonObject toJson() {
      JsonObject json = token != null ? token.toJson() : new JsonObject().put("oauth2", oauth2.toJson());
      return json.put("signIns", new JsonArray(List.copyOf(signIns)));
    }

    static Kept fromJson(JsonObject json) {
      List<String> signIns = json.getJsonArray("signIns", new JsonArray()).stream().map(String::valueOf).toList();
      JsonObject oauth2 = json.getJsonObject("oauth2");
      return oauth2 != null ? new Kept(null, OAuth2Tokens.fromJson(oauth2), signIns)
          : new Kept(TokenCredentials.fromJson(json), null, signIns);
    }
  }

  /** An entry as read: where it is and the bytes there, for the compare-and-set; null kept for one that does not open. */
  private record Read(String key, byte[] stored, Kept kept) {
  }

  private final ClusterEntries entries;
  private final Keyring keys;
  private final UserTokenRetention retention;

  UserTokenVault(ClusterEntries entries, Keyring keys, UserTokenRetention retention) {
    this.entries = entries;
    this.keys = keys;
    this.retention = retention;
  }

  /** Keeps the OAuth 1.0a token of a new sign-in; a user signed in twice keeps one token, for both. */
  Future<Void> keep(String userId, TokenCredentials token, String signInId) {
    return keep(userId, signIns -> new Kept(token, null, signIns), signInId);
  }

  /** Keeps the OAuth 2.0 tokens of a new sign-in, her latest grant, for all her sign-ins. */
  Future<Void> keep(String userId, OAuth2Tokens tokens, String signInId) {
    return keep(userId, signIns -> new Kept(null, tokens, signIns), signInId);
  }

  private Future<Void> keep(String userId, Function<List<String>, Kept> latest, String signInId) {
    UnaryOperator<Kept> next = kept -> latest.apply(kept == null ? List.of(signInId)
        : kept.signIns().contains(signInId) ? kept.signIns() : append(kept.signIns(), signInId));
    List<String> lookupKeys = keys.digests(KEY_DIGEST, userId);
    if (lookupKeys.size() > 1) {
      // During a key rotation her entry may be under an older key's digest: read first.
      return update(userId, next);
    }
    // Most sign-ins are a user's only one: store first, and read only when she has an entry already.
    byte[] value = keys.seal(next.apply(null).toJson().toBuffer().getBytes(), associatedData(userId));
    return entries.compareAndSet(lookupKeys.get(0), null, value)
        .compose(stored -> stored ? Future.succeededFuture() : update(userId, next));
  }

  /** What is kept of her, or NOT_SIGNED_IN when nothing is. */
  Future<Kept> kept(String userId) {
    return read(userId).compose(read -> read == null || read.kept() == null
        ? Future.failedFuture(new TwitterFailureException(TwitterFailure.NOT_SIGNED_IN,
            "User " + userId + " is not signed in: no token of hers is kept"))
        : Future.succeededFuture(read.kept()));
  }

  /**
   * Stores the tokens a refresh of {@code spent} gave, unless her entry no longer holds {@code
   * spent} (she signed in again meanwhile: her new grant stays).
   */
  Future<Void> refreshed(String userId, OAuth2Tokens spent, OAuth2Tokens fresh) {
    return update(userId, kept -> holds(kept, spent) ? new Kept(null, fresh, kept.signIns()) : kept);
  }

  /** Forgets her tokens if they are still {@code spent}'s: Twitter refused its refresh token, the grant is gone. */
  Future<Void> forgetGrant(String userId, OAuth2Tokens spent) {
    return update(userId, kept -> holds(kept, spent) ? null : kept);
  }

  /** The name of a cluster-wide lock of her entry: her keyed hash, never her id. */
  String lockName(String userId) {
    return MAP_NAME + ".refresh." + keys.digest(KEY_DIGEST, userId);
  }

  private static boolean holds(Kept kept, OAuth2Tokens tokens) {
    return kept != null && kept.oauth2() != null
        && kept.oauth2().accessToken().equals(tokens.accessToken());
  }

  /**
   * One sign-in ended. With {@link UserTokenRetention#SESSION} the token goes with her last one;
   * with {@link UserTokenRetention#UNTIL_REVOKED} a sign-out removes it, an expiry keeps it.
   *
   * @return whether the token is no longer kept
   */
  Future<Boolean> endSignIn(String userId, String signInId, SignedOut.Reason reason) {
    boolean[] gone = new boolean[1];
    return update(userId, kept -> {
      if (kept == null) {
        gone[0] = true;
        return null;
      }
      List<String> remaining = kept.signIns().stream().filter(id -> !id.equals(signInId)).toList();
      boolean keep = retention == UserTokenRetention.SESSION ? !remaining.isEmpty() : reason != SignedOut.Reason.LOGOUT;
      gone[0] = !keep;
      return keep ? kept.withSignIns(remaining) : null;
    }).map(updated -> gone[0]);
  }

  /** Twitter no longer takes her token (error 89), or it was revoked: nothing of hers is kept. */
  Future<Void> forget(String userId) {
    return update(userId, kept -> null);
  }

  /** The size of the cluster map, for metrics and tests. */
  Future<Integer> size() {
    return entries.size();
  }

  /** Compare-and-set of {@code next(kept)}, a null removing the entry; read again and retried when another member wrote first. */
  private Future<Void> update(String userId, UnaryOperator<Kept> next) {
    return update(userId, next, 1);
  }

  private Future<Void> update(String userId, UnaryOperator<Kept> next, int attempt) {
    return read(userId).compose(read -> {
      Kept current = read == null ? null : read.kept();
      Kept updated = next.apply(current);
      // An entry that does not open is overwritten, or removed: it keeps nothing anyone can use.
      if (read == null && updated == null || current != null && updated == current) {
        return Future.succeededFuture();
      }
      String key = read == null ? keys.digest(KEY_DIGEST, userId) : read.key();
      byte[] value = updated == null ? null : keys.seal(updated.toJson().toBuffer().getBytes(), associatedData(userId));
      return entries.compareAndSet(key, read == null ? null : read.stored(), value).compose(replaced -> {
        if (replaced) {
          return Future.succeededFuture();
        }
        if (attempt >= MAX_ATTEMPTS) {
          return Future.failedFuture(new TwitterFailureException(TwitterFailure.INTERNAL_ERROR,
              "The token vault entry of user " + userId + " changed " + MAX_ATTEMPTS + " times while writing it"));
        }
        return update(userId, next, attempt + 1);
      });
    });
  }

  /** Under the current key's digest, or an older key's for an entry sealed before a rotation. */
  private Future<Read> read(String userId) {
    return find(userId, keys.digests(KEY_DIGEST, userId), 0);
  }

  private Future<Read> find(String userId, List<String> lookupKeys, int index) {
    String key = lookupKeys.get(index);
    return entries.get(key).compose(stored -> {
      if (stored != null) {
        return Future.succeededFuture(open(userId, key, stored));
      }
      return index + 1 < lookupKeys.size() ? find(userId, lookupKeys, index + 1) : Future.succeededFuture();
    });
  }

  /** An entry that does not open (sealed with a retired key, altered) keeps nothing. */
  private Read open(String userId, String key, byte[] stored) {
    try {
      byte[] plain = keys.open(stored, associatedData(userId));
      return new Read(key, stored, Kept.fromJson(new JsonObject(new String(plain, StandardCharsets.UTF_8))));
    } catch (RuntimeException unreadable) {
      return new Read(key, stored, null);
    }
  }

  private static byte[] associatedData(String userId) {
    return ("twitter-login user-token " + userId).getBytes(StandardCharsets.UTF_8);
  }

  private static List<String> append(List<String> list, String element) {
    return Stream.concat(list.stream(), Stream.of(element)).toList();
  }
}
