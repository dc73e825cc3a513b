package kz.tirkeu.pki.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    private static String canonical(String json) {
        return new String(CanonicalJson.canonicalize(json), StandardCharsets.UTF_8);
    }

    @Test
    void sortsKeysDropsWhitespaceAndNormalisesNumbers() {
        // Examples from RFC 8785 §3.2.2 and §3.2.3.
        assertThat(canonical("{ \"b\" : [1E2, 0.0000001, -0], \"a\" : \"\\u20ac\" }"))
                .isEqualTo("{\"a\":\"€\",\"b\":[100,1e-7,0]}");
        assertThat(canonical("{\"\\u20ac\":1,\"\\r\":2,\"1\":3,\"\\u00f6\":4}"))
                .isEqualTo("{\"\\r\":2,\"1\":3,\"ö\":4,\"€\":1}");
    }

    @Test
    void keepsKazakhTextAsUtf8() {
        assertThat(canonical("{\"аты\":\"Әлия Ғалымқызы\"}")).isEqualTo("{\"аты\":\"Әлия Ғалымқызы\"}");
    }

    @Test
    void tellsCanonicalFromNot() {
        assertThat(CanonicalJson.isCanonical("{\"a\":1}".getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(CanonicalJson.isCanonical("{\"a\": 1}".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(CanonicalJson.isCanonical("not json".getBytes(StandardCharsets.UTF_8))).isFalse();
    }

    @Test
    void rejectsMalformedJson() {
        assertThatThrownBy(() -> CanonicalJson.canonicalize("{\"a\":")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void layoutIndentsWithoutTouchingStrings() {
        assertThat(JsonLayout.indent("{\"a\":[1,{}],\"b\":\"x,{y}\"}"))
                .isEqualTo("{\n  \"a\": [\n    1,\n    {}\n  ],\n  \"b\": \"x,{y}\"\n}");
    }
}
