package io.github.twitterlogin.gateway.sstore.impl;

import com.hazelcast.core.HazelcastInstance;
import io.github.twitterlogin.gateway.sstore.SealedSessionStore;
import io.github.twitterlogin.shared.cluster.ClusterEntries;
import io.github.twitterlogin.shared.crypto.Keyring;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.prng.VertxContextPRNG;
import io.vertx.ext.web.Session;
import io.vertx.ext.web.sstore.SessionStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public final class SealedSessionStoreImpl implements SealedSessionStore {

  private static final Logger LOG = LoggerFactory.getLogger(SealedSessionStoreImpl.class);
  private static final String ID_DIGEST = "twitter-login/session-id/v1";
  // vertx-web's session ids are lower-case hex; anything else names no session, and costs no lookup.
  private static final Pattern SESSION_ID = Pattern.compile("[0-9a-f]{32,256}");
  // Each lost race means another request's write went in; this many in a row do not happen.
  private static final int MAX_ATTEMPTS = 32;
  private static final int RENEWALS_KEPT = 1024;
  private static final DeliveryOptions ENDED_DELIVERY = new DeliveryOptions().setLocalOnly(true).setSendTimeout(30_000);

  private final Vertx vertx;
  private final Keyring keys;
  private final ClusterEntries entries;
  private final VertxContextPRNG random;
  /**
   * The last value of sessions just removed ({@link #delete}): for a renewed id, the SessionHandler
   * stores the session anew right after; for a sign-out, the entry is never asked for and makes
   * room for others. Sealed, like what the cluster holds.
   */
  private final Map<String, byte[]> renewing = boundedMap();

  /** Each request that ends normally takes its entry out again; this keeps one that did not from staying. */
  private static <V> Map<String, V> boundedMap() {
    return new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
        return size() > RENEWALS_KEPT;
      }
    };
  }

  /** The sign-in entries of sessions that a request has destroyed and not yet removed. */
  private final Map<String, JsonObject> destroyed = boundedMap();
  /**
   * Ids whose entry a take just removed, left with nothing (a login's callback): the new id the
   * sign-in gives the session makes the SessionHandler delete the old one, and a removed entry is
   * never written back, so that delete asks the cluster nothing.
   */
  private final Map<String, Boolean> removedHere = boundedMap();

  SealedSessionStoreImpl(Vertx vertx, Keyring keys, ClusterEntries entries) {
    this.vertx = vertx;
    this.keys = keys;
    this.entries = entries;
    this.random = VertxContextPRNG.current(vertx);
    entries.onExpiry(this::expired);
  }

  public static SealedSessionStore create(Vertx vertx, Keyring keys, String mapName) {
    return new SealedSessionStoreImpl(vertx, keys, ClusterEntries.create(vertx, mapName));
  }

  public static SealedSessionStore create(Vertx vertx, Keyring keys, HazelcastInstance hazelcast, String mapName) {
    return new SealedSessionStoreImpl(vertx, keys, ClusterEntries.create(vertx, hazelcast, mapName));
  }

  public static String mapKey(Keyring keys, String id) {
    return keys.digest(ID_DIGEST, id);
  }

  @Override
  public SessionStore init(Vertx vertx, JsonObject options) {
    return this;
  }

  /** A session is stored before the browser is sent on, so there is nothing to wait for. */
  @Override
  public long retryTimeout() {
    return 0;
  }

  @Override
  public Session createSession(long timeout) {
    return createSession(timeout, DEFAULT_SESSIONID_LENGTH);
  }

  @Override
  public Session createSession(long timeout, int length) {
    return new SealedSession(this, random, timeout, length);
  }

  @Override
  public Future<Session> get(String id) {
    if (id == null || !SESSION_ID.matcher(id).matches()) {
      return Future.succeededFuture();
    }
    return find(id, keys.digests(ID_DIGEST, id), 0);
  }

  /** The current key's digest first; older keys' digests find sessions stored before a key rotation. */
  private Future<Session> find(String id, List<String> lookupKeys, int index) {
    String key = lookupKeys.get(index);
    return entries.get(key).compose(stored -> {
      if (stored != null) {
        return Future.succeededFuture(read(id, key, stored));
      }
      return index + 1 < lookupKeys.size() ? find(id, lookupKeys, index + 1) : Future.succeededFuture();
    });
  }

  private Session read(String id, String key, byte[] stored) {
    StoredValue.Opened opened = open(id, key, stored);
    return opened == null ? null : new SealedSession(this, random, id, opened.timeout(), key, stored, opened.entries());
  }

  @Override
  public Future<Void> put(Session session) {
    SealedSession sealed = (SealedSession) session;
    if (sealed.isDestroyed()) {
      return Future.succeededFuture();
    }
    if (!sealed.isStored()) {
      return sealed.isEmpty() ? Future.succeededFuture() : create(sealed, SessionDataCodec.encodeEach(sealed.data()));
    }
    if (sealed.oldId() != null && !sealed.oldId().equals(sealed.id())) {
      return renew(sealed);
    }
    Map<String, byte[]> changes = sealed.changes();
    return changes.isEmpty() ? Future.succeededFuture() : replace(sealed, changes);
  }

  /**
   * A new id for a stored session: the SessionHandler has just removed it under its old id
   * ({@link #delete}), whose last value carries what concurrent requests added since this one read
   * it; this request's changes go on top, under the new id.
   */
  private Future<Void> renew(SealedSession session) {
    byte[] removed;
    synchronized (renewing) {
      removed = renewing.remove(session.oldId());
    }
    StoredValue.Opened latest = removed == null ? null : open(session.oldId(), session.storedKey(), removed);
    Map<String, byte[]> base = session.wasDestroyed() ? Map.of()
        : latest != null ? latest.entries() : session.storedEntries();
    Map<String, byte[]> merged = SealedSession.apply(base, session.changes());
    return merged.isEmpty() ? Future.succeededFuture() : create(session, merged);
  }

  private Future<Void> create(SealedSession session, Map<String, byte[]> data) {
    String key = mapKey(keys, session.id());
    byte[] value = seal(session, key, data);
    return entries.create(key, value, session.timeout()).onSuccess(created -> session.stored(key, value, data));
  }

  private Future<Void> replace(SealedSession session, Map<String, byte[]> changes) {
    return write(session, stored -> SealedSession.apply(stored, changes), 1).mapEmpty();
  }

  public static Future<Object> take(Session session, String name) {
    if (!(session instanceof SealedSession sealed) || !sealed.isStored()) {
      return Future.succeededFuture(session.remove(name));
    }
    return sealed.store().take(sealed, name);
  }

  private Future<Object> take(SealedSession sealed, String name) {
    byte[][] taken = new byte[1][];
    return write(sealed, stored -> {
      taken[0] = stored.get(name);
      if (taken[0] == null) {
        return null;
      }
      Map<String, byte[]> remaining = new LinkedHashMap<>(stored);
      remaining.remove(name);
      return remaining;
    }, 1).map(written -> {
      sealed.remove(name);
      return written ? SessionDataCodec.decode(taken[0]) : null;
    });
  }

  /**
   * Compare-and-set of {@code next(stored)} onto the stored copy; when another request wrote
   * first, reads its copy and tries again on top of it. A session no longer stored stays gone, and
   * one left with nothing is removed, as one that never held anything is never stored. Answers
   * whether it wrote; {@code next} answers null when there is nothing to write.
   */
  private Future<Boolean> write(SealedSession session, UnaryOperator<Map<String, byte[]>> next, int attempt) {
    Map<String, byte[]> target = next.apply(session.storedEntries());
    if (target == null) {
      return Future.succeededFuture(false);
    }
    String key = session.storedKey();
    byte[] value = target.isEmpty() ? null : seal(session, key, target);
    return entries.compareAndSet(key, session.storedValue(), value).compose(replaced -> {
      if (replaced) {
        session.stored(value == null ? null : key, value, value == null ? Map.of() : target);
        if (value == null) {
          synchronized (removedHere) {
            removedHere.put(session.id(), Boolean.TRUE);
          }
        }
        return Future.succeededFuture(true);
      }
      return entries.get(key).compose(current -> {
        StoredValue.Opened opened = current == null ? null : open(session.id(), key, current);
        if (opened == null) {
          session.markLost();
          return Future.succeededFuture(false);
        }
        if (attempt >= MAX_ATTEMPTS) {
          return Future.failedFuture(new IllegalStateException(
              "The session changed " + MAX_ATTEMPTS + " times while this request was saving it"));
        }
        session.rebase(key, current, opened.entries());
        return write(session, next, attempt + 1);
      });
    });
  }

  @Override
  public Future<Void> delete(String id) {
    if (id == null || !SESSION_ID.matcher(id).matches()) {
      return Future.succeededFuture();
    }
    boolean alreadyRemoved;
    synchronized (removedHere) {
      alreadyRemoved = removedHere.remove(id) != null;
    }
    if (alreadyRemoved) {
      return removed(id, null);
    }
    Future<byte[]> removed = Future.succeededFuture();
    for (String key : keys.digests(ID_DIGEST, id)) {
      removed = removed.compose(found -> found != null ? Future.succeededFuture(found) : entries.remove(key));
    }
    return removed.compose(value -> {
      if (value != null) {
        synchronized (renewing) {
          renewing.put(id, value);
        }
      }
      return removed(id, value);
    });
  }

  public static boolean isLost(Session session) {
    return session instanceof SealedSession sealed && sealed.isLost();
  }

  /** A session expired unread: what it was signed in as is said, as for a sign-out. */
  private void expired(String key, byte[] value) {
    JsonObject signIn = value == null ? null : StoredValue.owner(keys, key, value);
    if (signIn != null) {
      vertx.eventBus().request(SESSION_ENDED_ADDRESS, new JsonObject().put("cause", "expired").put("signIn", signIn),
          ENDED_DELIVERY);
    }
  }

  /** A request destroys the session: what it was signed in as is said once its entry is removed. */
  void destroying(SealedSession session) {
    if (session.get(SIGN_IN_ENTRY) instanceof JsonObject signIn) {
      synchronized (destroyed) {
        destroyed.put(session.id(), signIn.copy());
      }
    }
  }

  /**
   * Only the request whose remove found the entry says so: two sign-outs at once end one session.
   * The delete completes once the consumer has answered (it may revoke the token first), so that a
   * sign-out page answers after what the sign-out does; without a consumer it completes at once.
   */
  private Future<Void> removed(String id, byte[] value) {
    JsonObject signIn;
    synchronized (destroyed) {
      signIn = destroyed.remove(id);
    }
    if (signIn == null || value == null) {
      return Future.succeededFuture();
    }
    return vertx.eventBus()
        .request(SESSION_ENDED_ADDRESS, new JsonObject().put("cause", "logout").put("signIn", signIn), ENDED_DELIVERY)
        .<Void>mapEmpty()
        .otherwiseEmpty();
  }

  @Override
  public Future<Void> clear() {
    return entries.clear();
  }

  @Override
  public Future<Integer> size() {
    return entries.size();
  }

  @Override
  public Future<Counts> count() {
    return entries.size().compose(stored -> entries.count(new SignedInSessions())
        .map(signedIn -> new Counts(stored, Math.min(stored, signedIn))));
  }

  @Override
  public void close() {
    entries.close();
  }

  private byte[] seal(SealedSession session, String mapKey, Map<String, byte[]> data) {
    return StoredValue.seal(keys, session.id(), mapKey, session.timeout(), data);
  }

  /** Null for a session that does not open (altered, or sealed with a retired key): it is no session. */
  private StoredValue.Opened open(String id, String mapKey, byte[] stored) {
    try {
      return StoredValue.open(keys, id, mapKey, stored);
    } catch (RuntimeException unreadable) {
      LOG.debug("A stored session could not be read: {}", unreadable.getMessage());
      return null;
    }
  }
}
