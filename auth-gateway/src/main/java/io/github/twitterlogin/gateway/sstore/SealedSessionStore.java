package io.github.twitterlogin.gateway.sstore;

import com.hazelcast.core.HazelcastInstance;
import io.github.twitterlogin.gateway.sstore.impl.SealedSessionStoreImpl;
import io.github.twitterlogin.shared.cluster.ClusterSettings;
import io.github.twitterlogin.shared.crypto.Keyring;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Session;
import io.vertx.ext.web.sstore.SessionStore;

/**
 * A {@link SessionStore} for sessions that hold a login's trust, driven by vertx-web's
 * {@code SessionHandler} like any other:
 * <ul>
 *   <li>sealed: each session is encrypted and authenticated (AES-GCM, the session id as associated
 *   data) with the {@link Keyring}, so a member that reads the map learns nothing, token secrets
 *   included;</li>
 *   <li>no cookie in the cluster: a session is stored under a keyed hash of its id, so the map's
 *   keys cannot be replayed as cookies;</li>
 *   <li>atomic: a request writes only the entries it changed, onto the stored copy, with a
 *   compare-and-set on the member that owns it; two requests of one session keep each other's
 *   changes, and a session that was removed (signed out) is never written back;</li>
 *   <li>lazy: a request that changed nothing writes nothing, and a session that holds nothing is
 *   not stored; a stored session expires after its timeout without a read, reads keep it alive.</li>
 * </ul>
 * Unlike vertx-web's {@code ClusteredSessionStore}, a concurrent change is never an error.
 */
public interface SealedSessionStore extends SessionStore {

  /** The Hazelcast map of the sessions; its backups follow {@code SESSION_BACKUP_COUNT}. */
  String DEFAULT_MAP_NAME = ClusterSettings.SESSION_MAP_NAME;

  /** The session entry ({@code JsonObject}) that says who a session is signed in as. */
  String SIGN_IN_ENTRY = "twitter-login.sign-in";

  /**
   * When a session that holds a {@link #SIGN_IN_ENTRY} ends, the store sends {@code {"cause",
   * "signIn": <the entry>}} here, on a process's event bus only: {@code "logout"} once a request
   * that destroyed it (such as {@code ctx.userContext().logout()}) has removed it, and the
   * sign-out's answer waits for the reply; {@code "expired"} once the cluster has dropped it
   * unread for its timeout, on one member of the cluster. One consumer of that process gets it.
   */
  String SESSION_ENDED_ADDRESS = "twitter-login.session-store.ended";

  /** The stored sessions of the cluster, and how many of them are signed in. */
  record Counts(long stored, long signedIn) {

    /** Stored and not signed in: sessions that hold only logins started and not finished. */
    public long signingIn() {
      return stored - signedIn;
    }
  }

  /**
   * Counts the stored sessions, and those signed in, where they are stored and without opening
   * any (whether a session holds a sign-in is sealed apart, its length in clear): a size and one
   * pass over the entries on each member, on a worker thread. For metrics, now and then; it does
   * not keep a session from expiring.
   */
  Future<Counts> count();

  /**
   * Sessions in the cluster when {@code vertx} is clustered with Hazelcast, in this process's
   * memory otherwise.
   */
  static SealedSessionStore create(Vertx vertx, Keyring keys) {
    return SealedSessionStoreImpl.create(vertx, keys, DEFAULT_MAP_NAME);
  }

  /** Sessions in the map {@code mapName} of {@code hazelcast}. */
  static SealedSessionStore create(Vertx vertx, Keyring keys, HazelcastInstance hazelcast, String mapName) {
    return SealedSessionStoreImpl.create(vertx, keys, hazelcast, mapName);
  }

  /**
   * The map key that the session {@code id} is stored under with {@code keys}' current key: a
   * keyed hash, so that the map's keys cannot be replayed as cookies. For operators who need to
   * find, or remove, one session.
   */
  static String mapKey(Keyring keys, String id) {
    return SealedSessionStoreImpl.mapKey(keys, id);
  }

  /**
   * Removes {@code name} from the stored session in one atomic step and answers the value this
   * request took: null when the session holds none, or when a concurrent request took it first.
   * For what may be used once, such as a started login at its callback. A session of another
   * store just loses the entry, without that guarantee.
   */
  static Future<Object> take(Session session, String name) {
    return SealedSessionStoreImpl.take(session, name);
  }

  /**
   * Whether the last write of this request's changes to {@code session} found the session gone:
   * signed out, expired, or given a new id by a concurrent request. The changes are dropped; a
   * caller that needs them (a login being started) should ask the browser to try again.
   */
  static boolean isLost(Session session) {
    return SealedSessionStoreImpl.isLost(session);
  }
}
