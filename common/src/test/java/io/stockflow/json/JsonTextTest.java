package io.stockflow.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonTextTest {
    private static final JsonText.Fields FIELDS = g -> {
        g.writeStringField("plain", "WH-EAST");
        g.writeStringField("accents and symbols", "DC-ÉVRY, 29,90 €, 東京, 🚚");
        g.writeStringField("escaped", "a \"quoted\" back\\slash, a tab\t, a newline\n and \u0001");
        g.writeNumberField("long", -9_007_199_254_740_993L);
        g.writeNumberField("double", 0.1 + 0.2);
        g.writeFieldName("raw");
        g.writeRawValue("{\"why\":\"daily capacity of 40 used up on 2026-11-26 à Évry 🚚\"}");
        g.writeNullField("none");
    };

    @Test
    void theBytesAreTheTextEncodedAsUtf8() {
        String text = JsonText.object(FIELDS);
        assertThat(text).startsWith("{\"plain\":\"WH-EAST\"").endsWith("\"none\":null}");
        assertThat(JsonText.utf8(FIELDS)).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void writingManyInARowReusesNothingOfTheLastOne() {
        byte[] first = JsonText.utf8(g -> g.writeStringField("sku", "MUG-WHT"));
        byte[] second = JsonText.utf8(g -> g.writeStringField("sku", "T"));
        assertThat(new String(first, StandardCharsets.UTF_8)).isEqualTo("{\"sku\":\"MUG-WHT\"}");
        assertThat(new String(second, StandardCharsets.UTF_8)).isEqualTo("{\"sku\":\"T\"}");
    }
}
