package io.github.twitterlogin.gateway.sstore.impl;

import io.vertx.ext.auth.prng.VertxContextPRNG;
import io.vertx.ext.web.sstore.AbstractSession;
import java.util.LinkedHashMap;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A session as one request sees it, with what it was when read, so that the store writes only the
 * entries this request changed, onto whatever the cluster holds by then.
 */
final class SealedSession extends AbstractSession {

  private final SealedSessionStoreImpl store;
  /** Where it is stored and what is stored there, as last read or written; null before it is stored. */
  private String storedKey;
  private byte[] storedValue;
  private Map<String, byte[]> storedEntries = Map.of();
  private boolean lost;
  private boolean destroyed;

  /** A new session, not stored yet. */
  SealedSession(SealedSessionStoreImpl store, VertxContextPRNG random, long timeout, int length) {
    super(random, timeout, length);
    this.store = store;
  }

  /** A session read from the store. */
  SealedSession(SealedSessionStoreImpl store, VertxContextPRNG random, String id, long timeout, String storedKey,
      byte[] storedValue, Map<String, byte[]> storedEntries) {
    super(random);
    this.store = store;
    setId(id);
    setTimeout(timeout);
    setData(new ConcurrentHashMap<>(SessionDataCodec.decodeEach(storedEntries)));
    stored(storedKey, storedValue, storedEntries);
  }

  void stored(String key, byte[] value, Map<String, byte[]> entries) {
    this.storedKey = key;
    this.storedValue = value;
    this.storedEntries = entries;
  }

  boolean isStored() {
    return storedKey != null;
  }

  String storedKey() {
    return storedKey;
  }

  byte[] storedValue() {
    return storedValue;
  }

  Map<String, byte[]> storedEntries() {
    return storedEntries;
  }

  /**
   * Another request wrote first: this request's changes now apply on top of {@code entries}, and
   * what it reads from now on is that copy with its own changes, not what it read at its start.
   */
  void rebase(String key, byte[] value, Map<String, byte[]> entries) {
    Map<String, byte[]> changes = changes();
    Map<String, Object> data = data();
    for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
      if (!changes.containsKey(entry.getKey())) {
        data.put(entry.getKey(), SessionDataCodec.decode(entry.getValue()));
      }
    }
    data.keySet().removeIf(name -> !entries.containsKey(name) && !changes.containsKey(name));
    stored(key, value, entries);
  }

  /** What this request changed since the session was read: entries set, and entries removed (null). */
  Map<String, byte[]> changes() {
    Map<String, byte[]> now = isEmpty() ? Map.of() : SessionDataCodec.encodeEach(data());
    Map<String, byte[]> changes = new LinkedHashMap<>();
    now.forEach((key, value) -> {
      if (!Arrays.equals(storedEntries.get(key), value)) {
        changes.put(key, value);
      }
    });
    storedEntries.keySet().stream().filter(key -> !now.containsKey(key)).forEach(key -> changes.put(key, null));
    return changes;
  }

  /** Applies {@code changes} (a null value removes) to {@code entries}. */
  static Map<String, byte[]> apply(Map<String, byte[]> entries, Map<String, byte[]> changes) {
    Map<String, byte[]> merged = new LinkedHashMap<>(entries);
    changes.forEach((key, value) -> {
      if (value == null) {
        merged.remove(key);
      } else {
        merged.put(key, value);
      }
    });
    return merged;
  }

  /** This request's changes could not be kept: the session ended (signed out) or was renewed meanwhile. */
  void markLost() {
    lost = true;
  }

  boolean isLost() {
    return lost;
  }

  /**
   * A destroyed session that is used again becomes a new, empty one (AbstractSession gives it a
   * new id): it must not inherit what the destroyed one held.
   */
  @Override
  public void destroy() {
    if (!isDestroyed()) {
      store.destroying(this);
    }
    destroyed = true;
    super.destroy();
  }

  SealedSessionStoreImpl store() {
    return store;
  }

  boolean wasDestroyed() {
    return destroyed;
  }
}
