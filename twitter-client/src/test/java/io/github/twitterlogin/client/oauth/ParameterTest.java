package io.github.twitterlogin.client.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A parameter is a value: its kept encodings change nothing of what it equals or shows. */
class ParameterTest {

  @Test
  void encodingsAreThoseOfPercentEncodingAndKept() {
    Parameter parameter = new Parameter("a b", "Zoë & co");
    assertThat(parameter.encodedName()).isEqualTo(PercentEncoding.encode("a b")).isSameAs(parameter.encodedName());
    assertThat(parameter.encodedValue()).isEqualTo("Zo%C3%AB%20%26%20co").isSameAs(parameter.encodedValue());
    assertThat(parameter.encoded()).isEqualTo("a%20b=Zo%C3%AB%20%26%20co");
  }

  @Test
  void equalityIgnoresWhetherTheEncodingsWereComputed() {
    Parameter encoded = new Parameter("status", "Hello Ladies");
    encoded.encodedValue();
    Parameter fresh = new Parameter("status", "Hello Ladies");
    assertThat(encoded).isEqualTo(fresh).hasSameHashCodeAs(fresh);
    assertThat(new Parameter("status", null)).isEqualTo(new Parameter("status", ""));
    assertThat(encoded).isNotEqualTo(new Parameter("status", "Hello"));
  }

  @Test
  void showsItselfAsTheRecordItWas() {
    assertThat(new Parameter("a", "b")).hasToString("Parameter[name=a, value=b]");
  }

  @Test
  void aFormPairSplitsAtItsFirstEqualsSign() {
    assertThat(Parameter.parseForm("=x&y=&z&a=b=c&&+=%2B"))
        .containsExactly(new Parameter("", "x"), new Parameter("y", ""), new Parameter("z", ""),
            new Parameter("a", "b=c"), new Parameter(" ", "+"));
    assertThat(Parameter.parseForm("")).isEmpty();
    assertThat(Parameter.parseForm(null)).isEmpty();
  }

  @Test
  void aMalformedEscapeInAFormIsRefused() {
    assertThatIllegalArgumentException().isThrownBy(() -> Parameter.parseForm("a=%zz"));
  }

  /** Equal parameters hash alike; different ones rarely collide, as a HashMap of them needs. */
  @Test
  void differentParametersRarelyShareAHashCode() {
    Set<Integer> hashes = new HashSet<>();
    for (int i = 0; i < 1_000; i++) {
      hashes.add(new Parameter("oauth_" + i, "v" + i * 7919).hashCode());
    }
    assertThat(hashes).hasSizeGreaterThan(900);
  }

  @Test
  void anEmptyNameOrValueHashesLikeAnyOther() {
    assertThat(Set.of(new Parameter("", ""), new Parameter("", "x"), new Parameter("x", ""))).hasSize(3);
  }

  @Test
  void aFormIsFormattedWithRfc3986Escapes() {
    assertThat(Parameter.formatForm(List.of(new Parameter("a b", "c+d"), new Parameter("e", ""))))
        .isEqualTo("a%20b=c%2Bd&e=");
  }
}
