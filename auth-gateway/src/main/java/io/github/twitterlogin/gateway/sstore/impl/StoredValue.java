package io.github.twitterlogin.gateway.sstore.impl;

import io.github.twitterlogin.gateway.sstore.SealedSessionStore;
import io.github.twitterlogin.shared.crypto.Keyring;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one entry of the cluster's map holds, in two sealed parts: who the session is signed in as
 * (its {@link SealedSessionStore#SIGN_IN_ENTRY}), sealed for the entry's key, so that a member
 * holding the keyring can say whose session expired without knowing its id; and the rest of the
 * session, sealed for the session id, which only a request bearing the cookie knows.
 */
final class StoredValue {

  /** A session's timeout and entries, its sign-in entry included. */
  record Opened(long timeout, Map<String, byte[]> entries) {
  }

  private StoredValue() {
  }

  static byte[] seal(Keyring keys, String id, String mapKey, long timeout, Map<String, byte[]> entries) {
    Map<String, byte[]> rest = new LinkedHashMap<>(entries);
    byte[] signIn = rest.remove(SealedSessionStore.SIGN_IN_ENTRY);
    byte[] owner = signIn == null ? new byte[0] : keys.seal(signIn, ownerData(mapKey));
    byte[] joined = SessionDataCodec.join(rest);
    byte[] session = keys.seal(Buffer.buffer(8 + joined.length).appendLong(timeout).appendBytes(joined).getBytes(),
        sessionData(id));
    return Buffer.buffer(4 + owner.length + session.length)
        .appendInt(owner.length).appendBytes(owner).appendBytes(session).getBytes();
  }

  /** @throws RuntimeException when the value does not open: altered, or sealed with a retired key */
  static Opened open(Keyring keys, String id, String mapKey, byte[] stored) {
    Buffer value = Buffer.buffer(stored);
    int ownerLength = value.getInt(0);
    Buffer plain = Buffer.buffer(keys.open(value.getBytes(4 + ownerLength, value.length()), sessionData(id)));
    Map<String, byte[]> entries = SessionDataCodec.split(plain.getBytes(8, plain.length()));
    if (ownerLength > 0) {
      entries.put(SealedSessionStore.SIGN_IN_ENTRY, keys.open(value.getBytes(4, 4 + ownerLength), ownerData(mapKey)));
    }
    return new Opened(plain.getLong(0), entries);
  }

  /** The sign-in entry of a stored session, or null when it holds none or does not open. */
  static JsonObject owner(Keyring keys, String mapKey, byte[] stored) {
    try {
      Buffer value = Buffer.buffer(stored);
      int ownerLength = value.getInt(0);
      if (ownerLength == 0) {
        return null;
      }
      Object owner = SessionDataCodec.decode(keys.open(value.getBytes(4, 4 + ownerLength), ownerData(mapKey)));
      return owner instanceof JsonObject json ? json : null;
    } catch (RuntimeException unreadable) {
      return null;
    }
  }

  /** Binds the session to its id: a value copied under another session's key does not open. */
  private static byte[] sessionData(String id) {
    return ("twitter-login session " + id).getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] ownerData(String mapKey) {
    return ("twitter-login owner " + mapKey).getBytes(StandardCharsets.US_ASCII);
  }
}
