package io.stockflow.lifecycle;

import static io.stockflow.lifecycle.TestConfig.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stockflow.allocation.Decision;
import io.stockflow.json.InvalidRecordException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AllocationNoticeParserTest {
    private final AllocationNoticeParser parser = new AllocationNoticeParser();

    private AllocationNotice parse(String json) throws InvalidRecordException {
        return parser.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsTheDecisionAndShipsFromTheLocationWithMostUnits() throws Exception {
        AllocationNotice a = parse("{\"order_id\":\"woocommerce:727\",\"decision\":\"PARTIAL\",\"allocations\":["
                + "{\"sku\":\"A\",\"quantity\":1,\"location\":\"WH-WEST\"},{\"sku\":\"B\",\"quantity\":2,\"location\":\"WH-EAST\"}],"
                + "\"backordered\":[{\"sku\":\"B\",\"quantity\":3}],\"rule_set_version\":\"builtin-1\",\"rule_ids\":[],"
                + "\"reason\":\"r\",\"decided_at\":\"2026-11-26T10:00:05Z\",\"channel\":\"woocommerce\","
                + "\"event_time\":\"2026-11-26T10:00:00Z\"}");

        assertThat(a.decision).isEqualTo(Decision.PARTIAL);
        assertThat(a.location).isEqualTo("WH-EAST");
        assertThat(a.backorderedUnits).isEqualTo(3);
        assertThat(a.eventTime).as("event_time before decided_at").isEqualTo(at("2026-11-26T10:00:00Z"));
    }

    @Test
    void aRejectedOrderShipsFromNowhereAndTakesItsDecisionTime() throws Exception {
        AllocationNotice a = parse("{\"order_id\":\"shopify:1\",\"decision\":\"REJECTED\",\"allocations\":[],"
                + "\"backordered\":[],\"decided_at\":\"2026-11-26T10:00:05Z\"}");

        assertThat(a.location).isNull();
        assertThat(a.eventTime).isEqualTo(at("2026-11-26T10:00:05Z"));
    }

    @Test
    void refusesWhatDoesNotParseWithTheField() {
        assertThatThrownBy(() -> parse(
                        "{\"order_id\":\"shopify:1\",\"decision\":\"MAYBE\",\"decided_at\":\"2026-11-26T10:00:05Z\"}"))
                .hasMessageStartingWith("field 'decision' must be one of ALLOCATED, PARTIAL, BACKORDERED, REJECTED");
        assertThatThrownBy(() -> parse("{\"order_id\":\"shopify:1\",\"decision\":\"ALLOCATED\","
                        + "\"allocations\":[{\"sku\":\"A\",\"quantity\":1}],\"decided_at\":\"2026-11-26T10:00:05Z\"}"))
                .hasMessage("missing field 'allocations[0].location'");
        assertThatThrownBy(() -> parse("{\"order_id\":\"shopify:1\",\"decision\":\"ALLOCATED\"}"))
                .hasMessage("missing field 'decided_at'");
    }
}
