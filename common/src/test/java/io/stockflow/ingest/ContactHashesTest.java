package io.stockflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stockflow.json.Sha256;
import io.stockflow.model.OrderEvent;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class ContactHashesTest {
    static final String KEY = "0123456789abcdef0123456789abcdef-test-key";

    static String hmac(String key, String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void withAKeyTheDigestIsTheHmacOfTheNormalizedAddressNotItsPlainSha256() throws Exception {
        ContactHashes keyed = ContactHashes.keyed(KEY);

        assertThat(keyed.email("  Jane.Doe@Example.COM ")).isEqualTo(hmac(KEY, "jane.doe@example.com"));
        assertThat(keyed.email("jane.doe@example.com"))
                .isNotEqualTo(Sha256.hex("jane.doe@example.com".getBytes(StandardCharsets.UTF_8)));
        assertThat(keyed.phone("+1 (555) 010-0199")).isEqualTo(hmac(KEY, "15550100199"));
        assertThat(keyed.phone("15550100199")).isEqualTo(keyed.phone("+1 (555) 010-0199"));
        assertThat(ContactHashes.keyed(KEY + "x").email("jane.doe@example.com"))
                .as("another key, another digest")
                .isNotEqualTo(keyed.email("jane.doe@example.com"));
    }

    @Test
    void withoutAKeyTheDigestIsPlainSha256AndBlanksHaveNone() {
        assertThat(ContactHashes.from(Map.of()).keyed()).isFalse();
        assertThat(ContactHashes.from(Map.of(ContactHashes.KEY_VARIABLE, "  ")).keyed())
                .isFalse();
        assertThat(ContactHashes.UNKEYED.email("Jane.Doe@Example.com"))
                .isEqualTo(Sha256.hex("jane.doe@example.com".getBytes(StandardCharsets.UTF_8)));
        assertThat(ContactHashes.UNKEYED.email(" ")).isNull();
        assertThat(ContactHashes.UNKEYED.phone("n/a")).isNull();
    }

    @Test
    void aShortKeyIsRefusedWithHowToMakeOneAndTheKeyNeverShows() {
        assertThatThrownBy(() -> ContactHashes.from(Map.of(ContactHashes.KEY_VARIABLE, "hunter2")))
                .hasMessageContaining(ContactHashes.KEY_VARIABLE)
                .hasMessageContaining("at least 32 bytes")
                .hasMessageNotContaining("hunter2");
        assertThat(ContactHashes.keyed(KEY).toString()).doesNotContain(KEY);
    }

    @Test
    void theParserDigestsEveryMarketplacesContactsWithTheKey() throws Exception {
        OrderEnvelopeParser parser = new OrderEnvelopeParser(IngestLimits.DEFAULTS, ContactHashes.keyed(KEY));

        OrderEvent shopify =
                parser.parse(Fixtures.envelope("shopify", "orders/create", Fixtures.payload("shopify/order.json")));
        OrderEvent woo = parser.parse(
                Fixtures.envelope("woocommerce", "order.created", Fixtures.payload("woocommerce/order.json")));

        assertThat(shopify.customerEmailHash).isEqualTo(hmac(KEY, "jane.doe@example.com"));
        assertThat(woo.customerEmailHash).isEqualTo(hmac(KEY, "lena.schmidt@example.org"));
    }
}
