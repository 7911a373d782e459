package io.github.twitterlogin.shared.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class KeyringTest {

  private static final String OLD = "old:" + key('o');
  private static final String NEW = "new:" + key('n');
  private static final byte[] AAD = "session 1".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] PLAIN = "token secret".getBytes(StandardCharsets.UTF_8);

  @Test
  void aSealedValueOpensWithItsAssociatedDataOnly() {
    Keyring keys = Keyring.parse("KEYS", NEW);
    byte[] sealed = keys.seal(PLAIN, AAD);

    assertThat(keys.open(sealed, AAD)).isEqualTo(PLAIN);
    assertThatThrownBy(() -> keys.open(sealed, "session 2".getBytes(StandardCharsets.US_ASCII)))
        .isInstanceOf(SealedValueException.class);
  }

  @Test
  void sealingTwiceGivesTwoCiphertextsWithoutThePlaintext() {
    Keyring keys = Keyring.parse("KEYS", NEW);

    byte[] first = keys.seal(PLAIN, AAD);
    byte[] second = keys.seal(PLAIN, AAD);

    assertThat(first).isNotEqualTo(second);
    assertThat(new String(first, StandardCharsets.ISO_8859_1)).doesNotContain("token secret");
  }

  @Test
  void anAlteredByteDoesNotOpen() {
    Keyring keys = Keyring.parse("KEYS", NEW);
    byte[] sealed = keys.seal(PLAIN, AAD);
    for (int i = 0; i < sealed.length; i++) {
      byte[] altered = sealed.clone();
      altered[i] ^= 1;
      assertThatThrownBy(() -> keys.open(altered, AAD)).isInstanceOf(SealedValueException.class);
    }
  }

  @Test
  void aValueSealedBeforeAKeyRotationStillOpens() {
    byte[] sealedWithOld = Keyring.parse("KEYS", OLD).seal(PLAIN, AAD);
    Keyring rotated = Keyring.parse("KEYS", NEW + "," + OLD);

    assertThat(rotated.open(sealedWithOld, AAD)).isEqualTo(PLAIN);
    assertThat(rotated.currentKeyId()).isEqualTo("new");
    assertThatThrownBy(() -> Keyring.parse("KEYS", OLD).open(rotated.seal(PLAIN, AAD), AAD))
        .isInstanceOf(SealedValueException.class);
  }

  @Test
  void aRetiredKeysValueDoesNotOpen() {
    byte[] sealedWithOld = Keyring.parse("KEYS", OLD).seal(PLAIN, AAD);

    assertThatThrownBy(() -> Keyring.parse("KEYS", NEW).open(sealedWithOld, AAD))
        .isInstanceOf(SealedValueException.class)
        .hasMessageContaining("not in the keyring");
  }

  @Test
  void digestsListTheCurrentKeyFirstAndDifferByPurposeAndKey() {
    Keyring rotated = Keyring.parse("KEYS", NEW + "," + OLD);

    assertThat(rotated.digests("ids", "abc")).containsExactly(
        Keyring.parse("KEYS", NEW).digest("ids", "abc"), Keyring.parse("KEYS", OLD).digest("ids", "abc"));
    assertThat(rotated.digest("ids", "abc")).isNotEqualTo(rotated.digest("other", "abc"))
        .isNotEqualTo(rotated.digest("ids", "abd")).doesNotContain("abc");
  }

  @Test
  void aMalformedEntryIsNamedByPositionWithoutItsMaterial() {
    String shortKey = Base64.getEncoder().encodeToString("sixteen byte key".getBytes(StandardCharsets.US_ASCII));

    assertThatThrownBy(() -> Keyring.parse("SESSION_ENCRYPTION_KEYS", NEW + ",b:" + shortKey))
        .hasMessageContaining("SESSION_ENCRYPTION_KEYS entry 2").hasMessageContaining("16 bytes")
        .hasMessageNotContaining(shortKey);
    assertThatThrownBy(() -> Keyring.parse("SESSION_ENCRYPTION_KEYS", "no-colon-here"))
        .hasMessageContaining("entry 1");
    assertThatThrownBy(() -> Keyring.parse("SESSION_ENCRYPTION_KEYS", "a:%%%"))
        .hasMessageContaining("not base64").hasMessageNotContaining("%%%");
    assertThatThrownBy(() -> Keyring.parse("SESSION_ENCRYPTION_KEYS", NEW + "," + NEW))
        .hasMessageContaining("twice");
    assertThatThrownBy(() -> Keyring.parse("SESSION_ENCRYPTION_KEYS", " "))
        .hasMessageContaining("SESSION_ENCRYPTION_KEYS is required");
  }

  @Test
  void theKeyringNeverShowsItsMaterial() {
    assertThat(Keyring.parse("KEYS", NEW).toString()).contains("new").doesNotContain(key('n'));
  }

  @Test
  void anEmptyValueSealsAndOpens() {
    Keyring keys = Keyring.parse("KEYS", NEW);

    assertThat(keys.open(keys.seal(new byte[0], AAD), AAD)).isEmpty();
  }

  /** A cut-off cluster entry is a SealedValueException, never an exception of the buffer or the cipher. */
  @Test
  void everyTruncationOfASealedValueIsRefused() {
    Keyring keys = Keyring.parse("KEYS", NEW);
    byte[] sealed = keys.seal(PLAIN, AAD);
    for (int length = 0; length < sealed.length; length++) {
      byte[] truncated = Arrays.copyOf(sealed, length);
      assertThatThrownBy(() -> keys.open(truncated, AAD)).isInstanceOf(SealedValueException.class);
    }
  }

  @Test
  void aHeaderWithoutRoomForItsKeyIdIvAndTagIsTooShort() {
    Keyring keys = Keyring.parse("KEYS", NEW);
    byte[] sealed = keys.seal(new byte[0], AAD);
    byte[] noKeyId = sealed.clone();
    noKeyId[1] = 0;

    assertThatThrownBy(() -> keys.open(new byte[] {1, 3}, AAD)).hasMessageContaining("too short");
    assertThatThrownBy(() -> keys.open(noKeyId, AAD)).hasMessageContaining("too short");
    assertThatThrownBy(() -> keys.open(new byte[] {2, 3}, AAD)).hasMessageContaining("not a sealed value");
  }

  /**
   * RFC 5869 section 2.3 with one block, computed here from the JDK's HMAC-SHA256: the digest key
   * of a purpose is HMAC(key, purpose || 0x01), and the digest is HMAC(that, value) in base64url.
   */
  @Test
  void aDigestIsHmacSha256UnderTheKeyHkdfExpandedForItsPurpose() throws Exception {
    byte[] material = String.valueOf('n').repeat(32).getBytes(StandardCharsets.US_ASCII);
    byte[] info = "ids\u0001".getBytes(StandardCharsets.UTF_8);
    byte[] digestKey = hmacSha256(material, info);
    String expected = Base64.getUrlEncoder().withoutPadding()
        .encodeToString(hmacSha256(digestKey, "abc".getBytes(StandardCharsets.UTF_8)));

    assertThat(Keyring.parse("KEYS", NEW).digest("ids", "abc")).isEqualTo(expected);
    assertThat(Keyring.parse("KEYS", NEW).digest("sid", "abc")).isNotEqualTo(expected);
  }

  @Test
  void theDevelopmentKeyringSealsAndOpens() {
    Keyring development = Keyring.development();

    assertThat(development.currentKeyId()).isEqualTo("dev");
    assertThat(development.open(development.seal(PLAIN, AAD), AAD)).isEqualTo(PLAIN);
  }

  private static byte[] hmacSha256(byte[] key, byte[] data) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return mac.doFinal(data);
  }

  private static String key(char fill) {
    return Base64.getEncoder().encodeToString(String.valueOf(fill).repeat(32).getBytes(StandardCharsets.US_ASCII));
  }
}
