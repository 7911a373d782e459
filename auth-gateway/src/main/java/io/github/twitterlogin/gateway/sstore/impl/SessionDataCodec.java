package io.github.twitterlogin.gateway.sstore.impl;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.shareddata.ClusterSerializable;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a session's data one entry at a time, so that a request's changes are known entry by
 * entry (what it set, what it removed) and can be applied onto a newer copy of the session
 * instead of overwriting it. Values are the session's own types: text, numbers, flags, and
 * {@link ClusterSerializable} values such as {@code JsonObject} and vertx-auth's {@code User},
 * stored as they are, not as JSON text.
 */
final class SessionDataCodec {

  private static final byte TYPE_STRING = 1;
  private static final byte TYPE_LONG = 2;
  private static final byte TYPE_INT = 3;
  private static final byte TYPE_BOOLEAN = 4;
  private static final byte TYPE_DOUBLE = 5;
  private static final byte TYPE_CLUSTER_SERIALIZABLE = 6;

  private SessionDataCodec() {
  }

  /** Each value's bytes, by key; a null value is no entry, as {@code Session.put(key, null)} removes. */
  static Map<String, byte[]> encodeEach(Map<String, Object> data) {
    Map<String, byte[]> encoded = new LinkedHashMap<>();
    data.forEach((key, value) -> {
      if (value != null) {
        encoded.put(key, encode(value));
      }
    });
    return encoded;
  }

  static byte[] encode(Object value) {
    Buffer buffer = Buffer.buffer(32);
    if (value instanceof String text) {
      buffer.appendByte(TYPE_STRING).appendString(text, StandardCharsets.UTF_8.name());
    } else if (value instanceof Long number) {
      buffer.appendByte(TYPE_LONG).appendLong(number);
    } else if (value instanceof Integer number) {
      buffer.appendByte(TYPE_INT).appendInt(number);
    } else if (value instanceof Boolean flag) {
      buffer.appendByte(TYPE_BOOLEAN).appendByte((byte) (flag ? 1 : 0));
    } else if (value instanceof Double number) {
      buffer.appendByte(TYPE_DOUBLE).appendDouble(number);
    } else if (value instanceof ClusterSerializable serializable) {
      byte[] className = value.getClass().getName().getBytes(StandardCharsets.UTF_8);
      buffer.appendByte(TYPE_CLUSTER_SERIALIZABLE).appendShort((short) className.length).appendBytes(className);
      serializable.writeToBuffer(buffer);
    } else {
      throw new IllegalArgumentException("A clustered session holds text, numbers, flags and ClusterSerializable"
          + " values (JsonObject, User); not " + value.getClass().getName());
    }
    return buffer.getBytes();
  }

  static Object decode(byte[] bytes) {
    Buffer buffer = Buffer.buffer(bytes);
    return switch (buffer.getByte(0)) {
      case TYPE_STRING -> buffer.getString(1, bytes.length, StandardCharsets.UTF_8.name());
      case TYPE_LONG -> buffer.getLong(1);
      case TYPE_INT -> buffer.getInt(1);
      case TYPE_BOOLEAN -> buffer.getByte(1) == 1;
      case TYPE_DOUBLE -> buffer.getDouble(1);
      case TYPE_CLUSTER_SERIALIZABLE -> decodeClusterSerializable(buffer);
      default -> throw new IllegalStateException("Unknown session value type " + buffer.getByte(0));
    };
  }

  /**
   * Only values this gateway sealed reach here (a sealed session authenticates before it is read),
   * so the class names are ours, not an attacker's.
   */
  private static Object decodeClusterSerializable(Buffer buffer) {
    int nameLength = buffer.getShort(1);
    String className = buffer.getString(3, 3 + nameLength, StandardCharsets.UTF_8.name());
    try {
      Class<?> type = Class.forName(className, false, SessionDataCodec.class.getClassLoader());
      if (!ClusterSerializable.class.isAssignableFrom(type)) {
        throw new IllegalStateException(className + " is not ClusterSerializable");
      }
      ClusterSerializable value = (ClusterSerializable) type.getDeclaredConstructor().newInstance();
      value.readFromBuffer(3 + nameLength, buffer);
      return value;
    } catch (ClassNotFoundException | NoSuchMethodException | InstantiationException | IllegalAccessException
        | InvocationTargetException unreadable) {
      throw new IllegalStateException("A session value of type " + className + " cannot be read", unreadable);
    }
  }

  /** The whole session: the number of entries, then each key and value with their lengths. */
  static byte[] join(Map<String, byte[]> entries) {
    Buffer buffer = Buffer.buffer(256).appendInt(entries.size());
    entries.forEach((key, value) -> {
      byte[] name = key.getBytes(StandardCharsets.UTF_8);
      buffer.appendShort((short) name.length).appendBytes(name).appendInt(value.length).appendBytes(value);
    });
    return buffer.getBytes();
  }

  static Map<String, byte[]> split(byte[] joined) {
    Buffer buffer = Buffer.buffer(joined);
    int count = buffer.getInt(0);
    int position = 4;
    Map<String, byte[]> entries = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      int nameLength = buffer.getShort(position);
      String key = buffer.getString(position + 2, position + 2 + nameLength, StandardCharsets.UTF_8.name());
      position += 2 + nameLength;
      int valueLength = buffer.getInt(position);
      entries.put(key, buffer.getBytes(position + 4, position + 4 + valueLength));
      position += 4 + valueLength;
    }
    return entries;
  }

  static Map<String, Object> decodeEach(Map<String, byte[]> entries) {
    Map<String, Object> data = new LinkedHashMap<>();
    entries.forEach((key, value) -> data.put(key, decode(value)));
    return data;
  }
}
