package io.github.twitterlogin.shared.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys that protect what the cluster stores ({@code SESSION_ENCRYPTION_KEYS}): a list of
 * {@code id:base64-of-32-bytes}, the first of which seals, all of which open, so that a new key
 * can be put in front and an old one retired later without signing anyone out.
 *
 * <p>Sealing is AES-256-GCM from the JDK with a fresh 96-bit IV each time (NIST SP 800-38D 8.2.2:
 * random IVs stay safe far beyond the number of writes a login service makes under one key) and
 * associated data that binds a sealed value to the entry it belongs to, so that a value copied
 * under another key does not open. Each key is never used directly: HKDF-Expand (RFC 5869
 * section 2.3) derives one subkey for sealing and one per digest purpose.
 */
public final class Keyring {

  /** A well-known key for development with the sandbox only: it protects nothing. */
  public static final String DEVELOPMENT_KEYS = "dev:c2FuZGJveC1vbmx5LWRldmVsb3BtZW50LWtleSEhISE=";

  private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_.-]{1,32}");
  private static final int KEY_BYTES = 32;
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final byte FORMAT = 1;
  private static final String SEALING = "twitter-login/seal/v1";
  private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(SecureRandom::new);
  private static final ThreadLocal<Cipher> CIPHER = ThreadLocal.withInitial(Keyring::newCipher);

  private final List<Key> keys;
  private final Map<String, Key> byId = new LinkedHashMap<>();

  private Keyring(List<Key> keys) {
    this.keys = List.copyOf(keys);
    keys.forEach(key -> byId.put(key.id, key));
  }

  /**
   * Reads {@code id:base64,id:base64}. The message of a failure names the entry by position and
   * never holds key material.
   *
   * @param settingName the name to use in failure messages, such as {@code SESSION_ENCRYPTION_KEYS}
   */
  public static Keyring parse(String settingName, String spec) {
    if (spec == null || spec.isBlank()) {
      throw new IllegalArgumentException(settingName + " is required: a comma-separated list of id:base64-of-32-bytes");
    }
    List<Key> keys = new ArrayList<>();
    String[] entries = spec.split(",");
    for (int i = 0; i < entries.length; i++) {
      keys.add(parseEntry(settingName, i + 1, entries[i].trim()));
    }
    if (keys.stream().map(key -> key.id).distinct().count() != keys.size()) {
      throw new IllegalArgumentException(settingName + " names a key id twice");
    }
    return new Keyring(keys);
  }

  public static Keyring development() {
    return parse("development keys", DEVELOPMENT_KEYS);
  }

  private static Key parseEntry(String settingName, int position, String entry) {
    int colon = entry.indexOf(':');
    String problem = settingName + " entry " + position + " must be id:base64-of-32-bytes";
    if (colon < 0 || !KEY_ID.matcher(entry.substring(0, colon)).matches()) {
      throw new IllegalArgumentException(problem + " (the id is 1 to 32 letters, digits, '_', '.' or '-')");
    }
    byte[] material;
    try {
      material = Base64.getDecoder().decode(entry.substring(colon + 1));
    } catch (IllegalArgumentException notBase64) {
      throw new IllegalArgumentException(problem + " (the key is not base64)");
    }
    if (material.length != KEY_BYTES) {
      throw new IllegalArgumentException(problem + " (the key is " + material.length + " bytes, not 32)");
    }
    return new Key(entry.substring(0, colon), material);
  }

  /** The id of the key that seals. */
  public String currentKeyId() {
    return keys.get(0).id;
  }

  /**
   * Encrypts and authenticates {@code plaintext} with the current key: a format byte, the key id,
   * the IV, then the ciphertext with its tag.
   */
  public byte[] seal(byte[] plaintext, byte[] associatedData) {
    Key key = keys.get(0);
    byte[] iv = new byte[IV_BYTES];
    RANDOM.get().nextBytes(iv);
    try {
      Cipher cipher = CIPHER.get();
      cipher.init(Cipher.ENCRYPT_MODE, key.sealing, new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(associatedData);
      byte[] id = key.id.getBytes(StandardCharsets.US_ASCII);
      ByteBuffer sealed = ByteBuffer.allocate(2 + id.length + IV_BYTES + cipher.getOutputSize(plaintext.length));
      sealed.put(FORMAT).put((byte) id.length).put(id).put(iv);
      cipher.doFinal(ByteBuffer.wrap(plaintext), sealed);
      return sealed.array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available in this JVM", e);
    }
  }

  /**
   * Decrypts a value that {@link #seal} made with any key of this keyring.
   *
   * @throws SealedValueException when the value is malformed, sealed with an unknown key, altered,
   *     or sealed for other associated data
   */
  public byte[] open(byte[] sealed, byte[] associatedData) {
    ByteBuffer in = ByteBuffer.wrap(sealed);
    if (sealed.length < 2 || in.get() != FORMAT) {
      throw new SealedValueException("not a sealed value");
    }
    int idLength = in.get();
    if (idLength <= 0 || sealed.length < 2 + idLength + IV_BYTES + TAG_BITS / 8) {
      throw new SealedValueException("a sealed value that is too short");
    }
    byte[] id = new byte[idLength];
    in.get(id);
    Key key = byId.get(new String(id, StandardCharsets.US_ASCII));
    if (key == null) {
      throw new SealedValueException("a value sealed with a key that is not in the keyring");
    }
    try {
      Cipher cipher = CIPHER.get();
      cipher.init(Cipher.DECRYPT_MODE, key.sealing, new GCMParameterSpec(TAG_BITS, sealed, in.position(), IV_BYTES));
      cipher.updateAAD(associatedData);
      int start = in.position() + IV_BYTES;
      return cipher.doFinal(sealed, start, sealed.length - start);
    } catch (GeneralSecurityException altered) {
      throw new SealedValueException("a sealed value that does not authenticate");
    }
  }

  /**
   * A keyed digest of {@code value} (HMAC-SHA256, base64url) under each key, the current key's
   * first: where a lookup key must not reveal what it was made from, as a session id must not.
   */
  public List<String> digests(String purpose, String value) {
    List<String> digests = new ArrayList<>(keys.size());
    for (Key key : keys) {
      digests.add(digest(key, purpose, value));
    }
    return digests;
  }

  /** The current key's digest of {@code value}; see {@link #digests}. */
  public String digest(String purpose, String value) {
    return digest(keys.get(0), purpose, value);
  }

  private static String digest(Key key, String purpose, String value) {
    Mac mac = key.digesters.computeIfAbsent(purpose, info -> initialisedMac(hkdfExpand(key.material, info)));
    byte[] digest = copyOf(mac).doFinal(value.getBytes(StandardCharsets.UTF_8));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
  }

  /** A clone of an initialised Mac costs a fraction of {@code Mac.getInstance} and {@code init}. */
  private static Mac copyOf(Mac initialised) {
    try {
      return (Mac) initialised.clone();
    } catch (CloneNotSupportedException notCloneable) {
      throw new IllegalStateException("This JVM's HmacSHA256 cannot be cloned", notCloneable);
    }
  }

  /** RFC 5869 section 2.3 with one block: the key is already uniformly random, so it is the PRK. */
  static byte[] hkdfExpand(byte[] prk, String info) {
    byte[] infoBytes = info.getBytes(StandardCharsets.UTF_8);
    byte[] input = new byte[infoBytes.length + 1];
    System.arraycopy(infoBytes, 0, input, 0, infoBytes.length);
    input[infoBytes.length] = 1;
    return hmac(prk, input);
  }

  private static byte[] hmac(byte[] key, byte[] data) {
    return initialisedMac(key).doFinal(data);
  }

  private static Mac initialisedMac(byte[] key) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
    }
  }

  private static Cipher newCipher() {
    try {
      return Cipher.getInstance("AES/GCM/NoPadding");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available in this JVM", e);
    }
  }

  @Override
  public String toString() {
    return "Keyring[keys=" + byId.keySet() + ", material=(hidden)]";
  }

  private static final class Key {
    final String id;
    final byte[] material;
    final SecretKeySpec sealing;
    final Map<String, Mac> digesters = new ConcurrentHashMap<>();

    Key(String id, byte[] material) {
      this.id = id;
      this.material = material;
      this.sealing = new SecretKeySpec(hkdfExpand(material, SEALING), "AES");
    }
  }
}
