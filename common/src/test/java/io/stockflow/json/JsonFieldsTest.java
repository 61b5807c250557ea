package io.stockflow.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonFieldsTest {

    private static JsonFields parse(String json) throws InvalidRecordException {
        return JsonFields.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void namesTheFullPathOfANestedMissingField() throws Exception {
        JsonFields payload =
                parse("{\"payload\": {\"line_items\": [{\"sku\": \"A\"}, {}]}}").object("payload");
        JsonFields second = payload.array("line_items").get(1);

        assertThatThrownBy(() -> second.text("sku")).hasMessage("missing field 'payload.line_items[1].sku'");
    }

    @Test
    void readsAnArrayOfStringsAndNamesTheElementThatIsNot() throws Exception {
        JsonFields f = parse("{\"rules\": {\"only\": [\"A\", \"B\"], \"never\": [\"C\", 7]}}")
                .object("rules");

        assertThat(f.optTextArray("only")).containsExactly("A", "B");
        assertThat(f.optTextArray("prefer")).isEmpty();
        assertThatThrownBy(() -> f.optTextArray("never")).hasMessage("field 'rules.never[1]' must be a string, got 7");
    }

    @Test
    void treatsNullLikeAbsent() throws Exception {
        JsonFields f = parse("{\"email\": null}");

        assertThat(f.optText("email")).isNull();
        assertThat(f.has("email")).isFalse();
        assertThatThrownBy(() -> f.text("email")).hasMessage("missing field 'email'");
    }

    @Test
    void readsIdsSentAsNumbersAsTheirDecimalText() throws Exception {
        JsonFields f = parse("{\"id\": 5829373011234, \"big\": 123456789012345678901234567890, \"name\": \" #1042 \"}");

        assertThat(f.id("id")).isEqualTo("5829373011234");
        assertThat(f.id("big")).isEqualTo("123456789012345678901234567890");
        assertThat(f.id("name")).isEqualTo("#1042");
    }

    @Test
    void readsDecimalsFromNumbersAndNumericStrings() throws Exception {
        JsonFields f = parse("{\"a\": \"49.50\", \"b\": 19.5, \"c\": \"4,50\"}");

        assertThat(f.decimal("a")).isEqualTo(new BigDecimal("49.50"));
        assertThat(f.decimal("b")).isEqualByComparingTo("19.5");
        assertThatThrownBy(() -> f.decimal("c")).hasMessage("field 'c' must be a decimal number, got \"4,50\"");
    }

    @Test
    void cutsLongValuesInMessages() throws Exception {
        JsonFields f = parse("{\"quantity\": \"" + "9".repeat(100) + "\"}");

        assertThatThrownBy(() -> f.integer("quantity"))
                .hasMessage("field 'quantity' must be an integer, got \"" + "9".repeat(59) + "…");
    }

    @Test
    void refusesAnIntegerBeyondTheLongRange() throws Exception {
        JsonFields f = parse("{\"quantity\": 99999999999999999999}");

        assertThatThrownBy(() -> f.integer("quantity"))
                .hasMessage("field 'quantity' must be an integer, got 99999999999999999999");
    }
}
