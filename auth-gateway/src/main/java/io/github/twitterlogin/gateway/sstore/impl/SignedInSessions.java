package io.github.twitterlogin.gateway.sstore.impl;

import com.hazelcast.query.Predicate;
import java.nio.ByteBuffer;
import java.util.Map;

/**
 * Accepts the stored sessions that hold a sign-in, without opening any: a value starts with the
 * length of its sealed sign-in part ({@link StoredValue}), 0 for a session that holds only
 * started logins. Sent to every member of the cluster, which tests the entries it holds.
 */
final class SignedInSessions implements Predicate<String, byte[]> {

  private static final long serialVersionUID = 1L;

  @Override
  public boolean apply(Map.Entry<String, byte[]> entry) {
    byte[] value = entry.getValue();
    return value != null && value.length >= Integer.BYTES && ByteBuffer.wrap(value).getInt(0) > 0;
  }
}
