package io.github.twitterlogin.shared.cluster;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.ExtendedMapEntry;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.DataSerializable;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;

/**
 * Replaces an entry's value only if it still holds {@code expected}, on the member that owns the
 * entry, in one step: Hazelcast's {@code IMap.replace(key, old, new)}, which has no asynchronous
 * form. An absent entry stays absent, so that a value removed by one request (a sign-out) is never
 * written back by another that read it earlier, unless {@code expected} is null, which asks for
 * the entry to be absent and creates it. A null replacement removes the entry. The entry keeps its
 * expiry settings. Answers whether it replaced the value.
 *
 * <p>It lives in {@code shared} because it runs on whichever member owns the entry, and every
 * member of the cluster has {@code shared} on its class path; {@link DataSerializable} needs no
 * factory in the member's configuration.
 */
public final class CompareAndSetBytes implements EntryProcessor<String, byte[], Boolean>, DataSerializable {

  private byte[] expected;
  private byte[] replacement;

  /** For deserialization only. */
  public CompareAndSetBytes() {
  }

  public CompareAndSetBytes(byte[] expected, byte[] replacement) {
    this.expected = expected;
    this.replacement = replacement;
  }

  @Override
  public Boolean process(Map.Entry<String, byte[]> entry) {
    byte[] current = entry.getValue();
    if (expected == null) {
      if (current != null) {
        return false;
      }
      entry.setValue(replacement);
      return true;
    }
    if (current == null || !Arrays.equals(current, expected)) {
      return false;
    }
    // A plain setValue would reset the entry's max-idle to the map's default: sessions would never expire.
    if (replacement != null && entry instanceof ExtendedMapEntry<String, byte[]> extended) {
      extended.setValueWithoutChangingExpiryTime(replacement);
    } else {
      entry.setValue(replacement);
    }
    return true;
  }

  @Override
  public void writeData(ObjectDataOutput out) throws IOException {
    out.writeByteArray(expected);
    out.writeByteArray(replacement);
  }

  @Override
  public void readData(ObjectDataInput in) throws IOException {
    expected = in.readByteArray();
    replacement = in.readByteArray();
  }
}
