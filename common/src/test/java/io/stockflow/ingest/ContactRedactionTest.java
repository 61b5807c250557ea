package io.stockflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContactRedactionTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern PERSONAL =
            Pattern.compile("(?i).*(email|phone|first_?name|last_?name|full_?name|address_?line\\d|address\\d).*");

    @ParameterizedTest
    @ValueSource(
            strings = {
                "shopify/order.json",
                "shopify/refund.json",
                "amazon/order-change.json",
                "ebay/order.json",
                "woocommerce/order.json",
                "woocommerce/order-refunded.json"
            })
    void aMarketplacePayloadKeepsNoneOfItsContactDetailsButKeepsItsIdsAndSkus(String fixture) throws Exception {
        String raw = Fixtures.payload(fixture).toString();
        List<String> personal = personalValues(MAPPER.readTree(raw), "");

        String redacted = ContactRedaction.redact(raw);

        for (String value : personal) assertThat(redacted).doesNotContain(value);
        JsonNode tree = MAPPER.readTree(redacted);
        assertThat(MAPPER.readTree(raw).findValuesAsText("sku")).isEqualTo(tree.findValuesAsText("sku"));
        assertThat(redacted.contains(ContactRedaction.MASK))
                .as("masked where it had contact details")
                .isEqualTo(!personal.isEmpty());
    }

    @Test
    void personNamesGoButProductNamesStay() {
        String raw = "{\"shipping_address\":{\"name\":\"Jane Doe\",\"zip\":\"10115\",\"country_code\":\"DE\"},"
                + "\"line_items\":[{\"name\":\"Enamel Mug - White\",\"sku\":\"MUG-WHT\",\"quantity\":2}]}";

        String redacted = ContactRedaction.redact(raw);

        assertThat(redacted)
                .doesNotContain("Jane Doe")
                .contains("Enamel Mug - White", "MUG-WHT", "10115", "\"quantity\":2");
    }

    @Test
    void aPayloadCarriedAsAJsonStringIsRedactedInside() {
        String raw =
                "{\"marketplace\":\"shopify\",\"payload\":\"{\\\"id\\\":7,\\\"phone\\\":\\\"+49 30 1234567\\\"}\"}";

        assertThat(ContactRedaction.redact(raw)).doesNotContain("1234567").contains("\\\"id\\\":7");
    }

    @Test
    void brokenJsonHasItsContactPairsAndEmailsMasked() {
        String raw =
                "{\"order_id\":\"702-5383538-9146051\",\"BuyerEmail\":\"a.b@example.com\",\"phone\":\"+1 555 0100\","
                        + " \"note\":\"call bob@example.org\", \"sku\":\"MUG-WHT\"";

        String redacted = ContactRedaction.redact(raw);

        assertThat(redacted)
                .doesNotContain("a.b@example.com", "555 0100", "bob@example.org")
                .contains("702-5383538-9146051", "MUG-WHT", "\"BuyerEmail\":\"[redacted]\"");
    }

    @Test
    void anEmailInAFreeTextFieldIsMaskedAndEmptyOrNullFieldsStayAsTheyWere() {
        String redacted =
                ContactRedaction.redact("{\"note\":\"ring me: x.y@example.com\",\"email\":\"\",\"phone\":null}");

        assertThat(redacted).isEqualTo("{\"note\":\"ring me: [redacted]\",\"email\":\"\",\"phone\":null}");
    }

    @Test
    void textWithoutContactsIsUnchanged() {
        assertThat(ContactRedaction.redact("not json at all")).isEqualTo("not json at all");
        assertThat(ContactRedaction.redact(null)).isNull();
    }

    /** Every non-empty text under a field whose name says it is personal, found independently of the redactor. */
    private static List<String> personalValues(JsonNode node, String field) {
        List<String> found = new ArrayList<>();
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) node::fields) {
                if (PERSONAL.matcher(e.getKey().toLowerCase(Locale.ROOT)).matches()
                        && e.getValue().isTextual()) {
                    String text = e.getValue().asText().trim();
                    if (!text.isEmpty()) found.add(text);
                }
                found.addAll(personalValues(e.getValue(), e.getKey()));
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) found.addAll(personalValues(element, field));
        }
        return found;
    }
}
