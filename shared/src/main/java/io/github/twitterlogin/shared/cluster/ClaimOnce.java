package io.github.twitterlogin.shared.cluster;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.ExtendedMapEntry;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.DataSerializable;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The first member to ask gets the entry, in one step on the member that owns it: when every
 * member hears of one event (an entry expiring, say), exactly one of them acts on it. The claim
 * lives {@code seconds}, long enough for every member to have heard of the event.
 */
public final class ClaimOnce implements EntryProcessor<String, Boolean, Boolean>, DataSerializable {

  private long seconds;

  /** For deserialization only. */
  public ClaimOnce() {
  }

  public ClaimOnce(long seconds) {
    this.seconds = seconds;
  }

  @Override
  public Boolean process(Map.Entry<String, Boolean> entry) {
    if (entry.getValue() != null) {
      return false;
    }
    ((ExtendedMapEntry<String, Boolean>) entry).setValue(true, seconds, TimeUnit.SECONDS);
    return true;
  }

  @Override
  public void writeData(ObjectDataOutput out) throws IOException {
    out.writeLong(seconds);
  }

  @Override
  public void readData(ObjectDataInput in) throws IOException {
    seconds = in.readLong();
  }
}
