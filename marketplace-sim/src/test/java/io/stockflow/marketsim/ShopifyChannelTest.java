package io.stockflow.marketsim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ShopifyChannelTest extends SimulatorTest {
    static final String ITEM = "gid://shopify/InventoryItem/1001";
    static final String LOCATION = "gid://shopify/Location/77";
    static final String TOKEN = "shpat_simulator";

    static final String SET = "mutation Set($input: InventorySetQuantitiesInput!, $key: String!) {"
            + " inventorySetQuantities(input: $input) @idempotent(key: $key) {"
            + " inventoryAdjustmentGroup { id reason changes { name delta quantityAfterChange } }"
            + " userErrors { field message code } } }";
    static final String SET_WITHOUT_KEY = "mutation Set($input: InventorySetQuantitiesInput!) {"
            + " inventorySetQuantities(input: $input) { inventoryAdjustmentGroup { id } userErrors { field code } } }";
    static final String READ = "query Read($item: ID!, $location: ID!) { inventoryItem(id: $item) {"
            + " id inventoryLevel(locationId: $location) { quantities(names: [\"available\"]) { name quantity } } } }";

    @BeforeEach
    void seed() {
        http.seed(
                "/_sim/shopify/inventory-levels",
                "{\"inventoryItemId\":\"" + ITEM + "\",\"locationId\":\"" + LOCATION + "\",\"available\":12}");
    }

    SimHttp.Answer graphql(String version, String query, String variables) {
        String body = "{\"query\":" + quote(query) + ",\"variables\":" + variables + "}";
        return http.post(
                "/admin/api/" + version + "/graphql.json",
                body,
                "Content-Type",
                "application/json",
                "X-Shopify-Access-Token",
                TOKEN);
    }

    static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static String setInput(String quantityFields) {
        return "{\"name\":\"available\",\"reason\":\"correction\",\"quantities\":[{\"inventoryItemId\":\"" + ITEM
                + "\",\"locationId\":\"" + LOCATION + "\"," + quantityFields + "}]}";
    }

    int available() {
        JsonNode answer = graphql("2026-04", READ, "{\"item\":\"" + ITEM + "\",\"location\":\"" + LOCATION + "\"}")
                .json();
        return answer.at("/data/inventoryItem/inventoryLevel/quantities/0/quantity")
                .intValue();
    }

    @Test
    void anAcceptedSetChangesTheQuantityThatTheReadBackReturns() {
        JsonNode answer = graphql(
                        "2026-04",
                        SET,
                        "{\"key\":\"k-1\",\"input\":" + setInput("\"quantity\":4,\"changeFromQuantity\":12") + "}")
                .json();

        assertThat(answer.at("/data/inventorySetQuantities/userErrors")).isEmpty();
        assertThat(answer.at("/data/inventorySetQuantities/inventoryAdjustmentGroup/changes/0/delta")
                        .intValue())
                .isEqualTo(-8);
        assertThat(available()).isEqualTo(4);
        assertThat(http.admin("/_sim/quantities").at("/shopify/0/available").intValue())
                .isEqualTo(4);
    }

    @Test
    void theAnswerHoldsOnlyTheSelectedFields() {
        JsonNode answer = graphql("2026-04", READ, "{\"item\":\"" + ITEM + "\",\"location\":\"" + LOCATION + "\"}")
                .json();

        assertThat(answer.at("/data/inventoryItem").fieldNames()).toIterable().containsExactly("id", "inventoryLevel");
        assertThat(answer.at("/data/inventoryItem/inventoryLevel/quantities/0/name")
                        .textValue())
                .isEqualTo("available");
    }

    @Test
    void aStaleChangeFromQuantityIsRefusedWithItsCodeAndChangesNothing() {
        JsonNode answer = graphql(
                        "2026-04",
                        SET,
                        "{\"key\":\"k-2\",\"input\":" + setInput("\"quantity\":4,\"changeFromQuantity\":11") + "}")
                .json();

        JsonNode error = answer.at("/data/inventorySetQuantities/userErrors/0");
        assertThat(error.get("code").textValue()).isEqualTo("CHANGE_FROM_QUANTITY_STALE");
        assertThat(error.get("field").toString()).isEqualTo("[\"input\",\"quantities\",\"0\",\"changeFromQuantity\"]");
        assertThat(answer.at("/data/inventorySetQuantities/inventoryAdjustmentGroup")
                        .isNull())
                .isTrue();
        assertThat(available()).isEqualTo(12);
    }

    @Test
    void aNullChangeFromQuantitySkipsTheCheck() {
        JsonNode answer = graphql(
                        "2026-04",
                        SET,
                        "{\"key\":\"k-3\",\"input\":" + setInput("\"quantity\":30,\"changeFromQuantity\":null") + "}")
                .json();

        assertThat(answer.at("/data/inventorySetQuantities/userErrors")).isEmpty();
        assertThat(available()).isEqualTo(30);
    }

    @Test
    void beforeApril2026AStaleCompareQuantityIsRefusedAndIgnoreCompareQuantitySkipsTheCheck() {
        JsonNode stale = graphql(
                        "2025-10",
                        SET_WITHOUT_KEY,
                        "{\"input\":" + setInput("\"quantity\":4,\"compareQuantity\":3") + "}")
                .json();
        assertThat(stale.at("/data/inventorySetQuantities/userErrors/0/code").textValue())
                .isEqualTo("COMPARE_QUANTITY_STALE");

        JsonNode missing = graphql("2025-10", SET_WITHOUT_KEY, "{\"input\":" + setInput("\"quantity\":4") + "}")
                .json();
        assertThat(missing.at("/data/inventorySetQuantities/userErrors/0/code").textValue())
                .isEqualTo("COMPARE_QUANTITY_REQUIRED");

        String ignoring = "{\"name\":\"available\",\"reason\":\"correction\",\"ignoreCompareQuantity\":true,"
                + "\"quantities\":[{\"inventoryItemId\":\"" + ITEM + "\",\"locationId\":\"" + LOCATION
                + "\",\"quantity\":4}]}";
        JsonNode ignored = graphql("2025-10", SET_WITHOUT_KEY, "{\"input\":" + ignoring + "}")
                .json();
        assertThat(ignored.at("/data/inventorySetQuantities/userErrors")).isEmpty();
        assertThat(available()).isEqualTo(4);
    }

    @Test
    void fromApril2026TheIdempotentDirectiveAndChangeFromQuantityAreRequiredAndCompareQuantityIsGone() {
        JsonNode noKey = graphql(
                        "2026-04",
                        SET_WITHOUT_KEY,
                        "{\"input\":" + setInput("\"quantity\":4,\"changeFromQuantity\":12") + "}")
                .json();
        assertThat(noKey.at("/errors/0/message").textValue()).contains("@idempotent");

        JsonNode noChangeFrom = graphql(
                        "2026-04", SET, "{\"key\":\"k-4\",\"input\":" + setInput("\"quantity\":4") + "}")
                .json();
        assertThat(noChangeFrom.at("/errors/0/extensions/problems/0/path").toString())
                .isEqualTo("[\"quantities\",0,\"changeFromQuantity\"]");

        JsonNode oldField = graphql(
                        "2026-04",
                        SET,
                        "{\"key\":\"k-5\",\"input\":" + setInput("\"quantity\":4,\"compareQuantity\":12") + "}")
                .json();
        assertThat(oldField.at("/errors/0/extensions/problems/0/explanation").textValue())
                .isEqualTo("Field is not defined on InventoryQuantityInput");
        assertThat(available()).isEqualTo(12);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyAnswersTheFirstResultWithoutSettingAgain() {
        String variables = "{\"key\":\"k-6\",\"input\":" + setInput("\"quantity\":5,\"changeFromQuantity\":12") + "}";
        JsonNode first = graphql("2026-04", SET, variables).json();
        http.seed(
                "/_sim/shopify/inventory-levels",
                "{\"inventoryItemId\":\"" + ITEM + "\",\"locationId\":\"" + LOCATION + "\",\"available\":9}");
        JsonNode retry = graphql("2026-04", SET, variables).json();

        assertThat(retry.get("data")).isEqualTo(first.get("data"));
        assertThat(available()).isEqualTo(9);
        JsonNode otherInput = graphql(
                        "2026-04",
                        SET,
                        "{\"key\":\"k-6\",\"input\":" + setInput("\"quantity\":6,\"changeFromQuantity\":9") + "}")
                .json();
        assertThat(otherInput
                        .at("/data/inventorySetQuantities/userErrors/0/code")
                        .textValue())
                .isEqualTo("IDEMPOTENCY_KEY_PARAMETER_MISMATCH");
    }

    @Test
    void anUnknownItemOrLocationIsAUserErrorWithItsCode() {
        String unknownItem = "{\"name\":\"available\",\"reason\":\"correction\",\"quantities\":[{\"inventoryItemId\":"
                + "\"gid://shopify/InventoryItem/9\",\"locationId\":\"" + LOCATION
                + "\",\"quantity\":1,\"changeFromQuantity\":null}]}";
        assertThat(graphql("2026-04", SET, "{\"key\":\"k-7\",\"input\":" + unknownItem + "}")
                        .json()
                        .at("/data/inventorySetQuantities/userErrors/0/code")
                        .textValue())
                .isEqualTo("INVALID_INVENTORY_ITEM");
        String unknownLocation =
                "{\"name\":\"available\",\"reason\":\"correction\",\"quantities\":[{\"inventoryItemId\":\"" + ITEM
                        + "\",\"locationId\":\"gid://shopify/Location/5\",\"quantity\":1,\"changeFromQuantity\":null}]}";
        assertThat(graphql("2026-04", SET, "{\"key\":\"k-8\",\"input\":" + unknownLocation + "}")
                        .json()
                        .at("/data/inventorySetQuantities/userErrors/0/code")
                        .textValue())
                .isEqualTo("INVALID_LOCATION");
        assertThat(graphql(
                                "2026-04",
                                READ,
                                "{\"item\":\"gid://shopify/InventoryItem/9\",\"location\":\"" + LOCATION + "\"}")
                        .json()
                        .at("/data/inventoryItem")
                        .isNull())
                .isTrue();
    }

    @Test
    void aWrongAccessTokenIsRefusedWith401InShopifysShape() {
        SimHttp.Answer answer = http.post(
                "/admin/api/2026-04/graphql.json",
                "{\"query\":\"{ shop { name } }\"}",
                "X-Shopify-Access-Token",
                "shpat_wrong");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.json().get("errors").textValue()).startsWith("[API] Invalid API key or access token");
    }

    @Test
    void aBodyWithoutAQueryIsRefusedWith400() {
        SimHttp.Answer answer =
                http.post("/admin/api/2026-04/graphql.json", "not json", "X-Shopify-Access-Token", TOKEN);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().at("/errors/query").textValue()).isEqualTo("Required parameter missing or invalid");
    }

    @Test
    void aDocumentThatDoesNotParseOrAsksForAnUnknownFieldIsAnsweredWithGraphqlErrors() {
        assertThat(graphql("2026-04", "mutation { inventorySetQuantities(", "{}")
                        .json()
                        .at("/errors/0/message")
                        .textValue())
                .startsWith("Parse error");
        JsonNode unknown = graphql(
                        "2026-04", "mutation { productDelete(input: {id: \"x\"}) { deletedProductId } }", "{}")
                .json();
        assertThat(unknown.at("/errors/0/extensions/code").textValue()).isEqualTo("undefinedField");
    }

    @Test
    void aValueOfTheWrongTypeIsATopLevelErrorNamingItsPath() {
        JsonNode answer = graphql(
                        "2026-04",
                        SET,
                        "{\"key\":\"k-9\",\"input\":" + setInput("\"quantity\":\"four\",\"changeFromQuantity\":12")
                                + "}")
                .json();

        assertThat(answer.at("/errors/0/message").textValue())
                .startsWith(
                        "Variable $input of type InventorySetQuantitiesInput! was provided invalid value for quantities.0.quantity");
        assertThat(answer.has("data")).isFalse();
    }

    @Test
    void everyAnswerReportsTheThrottleStatusAndAnEmptyBucketAnswersThrottledUntilItRefills() {
        simulator.close();
        simulator = new MarketplaceSimulator(SimulatorSettings.defaults().withShopifyThrottle(100, 50, 40), clock, 0);
        http = new SimHttp(simulator.start());
        seed();
        String variables = "{\"item\":\"" + ITEM + "\",\"location\":\"" + LOCATION + "\"}";

        JsonNode first = graphql("2026-04", READ, variables).json();
        assertThat(first.at("/extensions/cost/throttleStatus/currentlyAvailable")
                        .intValue())
                .isEqualTo(60);
        assertThat(first.at("/extensions/cost/throttleStatus/maximumAvailable").doubleValue())
                .isEqualTo(100.0);
        graphql("2026-04", READ, variables);
        JsonNode throttled = graphql("2026-04", READ, variables).json();
        assertThat(throttled.at("/errors/0/extensions/code").textValue()).isEqualTo("THROTTLED");
        assertThat(throttled.at("/extensions/cost/actualQueryCost").isNull()).isTrue();
        assertThat(throttled
                        .at("/extensions/cost/throttleStatus/currentlyAvailable")
                        .intValue())
                .isEqualTo(20);

        clock.advance(Duration.ofMillis(400));
        JsonNode restored = graphql("2026-04", READ, variables).json();
        assertThat(restored.has("errors")).isFalse();
        assertThat(restored.at("/extensions/cost/throttleStatus/currentlyAvailable")
                        .intValue())
                .isZero();
    }

    @Test
    void fulfillmentCreateShipsTheFulfillmentOrderOnceWithItsTracking() {
        http.seed(
                "/_sim/shopify/fulfillment-orders",
                "{\"fulfillmentOrderId\":\"gid://shopify/FulfillmentOrder/5\",\"orderId\":\"gid://shopify/Order/9\"}");
        String create =
                "mutation Ship($fulfillment: FulfillmentInput!) { fulfillmentCreate(fulfillment: $fulfillment) {"
                        + " fulfillment { id status trackingInfo { company number } } userErrors { field message } } }";
        String variables = "{\"fulfillment\":{\"lineItemsByFulfillmentOrder\":[{\"fulfillmentOrderId\":"
                + "\"gid://shopify/FulfillmentOrder/5\"}],\"trackingInfo\":{\"company\":\"UPS\",\"number\":\"1Z999\"}}}";

        JsonNode first = graphql("2026-04", create, variables).json();
        assertThat(first.at("/data/fulfillmentCreate/fulfillment/status").textValue())
                .isEqualTo("SUCCESS");
        assertThat(first.at("/data/fulfillmentCreate/fulfillment/trackingInfo/0/number")
                        .textValue())
                .isEqualTo("1Z999");
        JsonNode again = graphql("2026-04", create, variables).json();
        assertThat(again.at("/data/fulfillmentCreate/userErrors/0/message").textValue())
                .contains("unfulfillable");

        JsonNode shipments = http.admin("/_sim/shipments").get("shopify");
        assertThat(shipments.get("fulfillments")).hasSize(1);
        assertThat(shipments.at("/fulfillmentOrders/0/status").textValue()).isEqualTo("CLOSED");
    }

    @Test
    void anUnknownFulfillmentOrderIsAUserError() {
        String create = "mutation { fulfillmentCreate(fulfillment: {lineItemsByFulfillmentOrder: [{fulfillmentOrderId:"
                + " \"gid://shopify/FulfillmentOrder/404\"}]}) { fulfillment { id } userErrors { field message } } }";

        JsonNode answer = graphql("2026-04", create, "{}").json();

        assertThat(answer.at("/data/fulfillmentCreate/fulfillment").isNull()).isTrue();
        assertThat(answer.at("/data/fulfillmentCreate/userErrors/0/message").textValue())
                .isEqualTo("Fulfillment order does not exist.");
    }

    static final String CANCEL = "mutation C($orderId: ID!, $reason: OrderCancelReason!, $refund: Boolean!,"
            + " $restock: Boolean!, $note: String) { orderCancel(orderId: $orderId, reason: $reason, refund: $refund,"
            + " restock: $restock, staffNote: $note) { job { id } orderCancelUserErrors { field message code } } }";
    static final String FULFIL = "mutation F($f: FulfillmentInput!) { fulfillmentCreate(fulfillment: $f) {"
            + " fulfillment { id } userErrors { field message } } }";
    static final String ORDER = "query O($id: ID!) { order(id: $id) { cancelledAt fulfillmentOrders(first: 5) {"
            + " nodes { id status lineItems(first: 5) { nodes { id sku remainingQuantity } } } }"
            + " fulfillments(first: 5) { trackingInfo { number } } } }";

    void seedOrder() {
        http.seed(
                "/_sim/shopify/orders",
                "{\"orderId\":\"gid://shopify/Order/9\",\"fulfillmentOrders\":[{\"id\":\"gid://shopify/FulfillmentOrder/91\","
                        + "\"lineItems\":[{\"id\":\"gid://shopify/FulfillmentOrderLineItem/911\",\"sku\":\"MUG-1\",\"quantity\":3}]}]}");
    }

    static String fulfil(int quantity, String tracking) {
        return "{\"f\":{\"lineItemsByFulfillmentOrder\":[{\"fulfillmentOrderId\":\"gid://shopify/FulfillmentOrder/91\","
                + "\"fulfillmentOrderLineItems\":[{\"id\":\"gid://shopify/FulfillmentOrderLineItem/911\",\"quantity\":"
                + quantity + "}]}],\"trackingInfo\":{\"company\":\"UPS\",\"number\":\"" + tracking + "\"}}}";
    }

    @Test
    void fulfillingSomeUnitsLeavesTheRestOpenAndMoreThanAreLeftIsAUserError() {
        seedOrder();

        JsonNode first = graphql("2026-04", FULFIL, fulfil(2, "1Z1")).json();
        JsonNode tooMany = graphql("2026-04", FULFIL, fulfil(2, "1Z2")).json();
        JsonNode order =
                graphql("2026-04", ORDER, "{\"id\":\"gid://shopify/Order/9\"}").json();

        assertThat(first.at("/data/fulfillmentCreate/userErrors")).isEmpty();
        assertThat(tooMany.at("/data/fulfillmentCreate/userErrors/0/message").asText())
                .contains("1 left to fulfill");
        assertThat(order.at("/data/order/fulfillmentOrders/nodes/0/status").asText())
                .isEqualTo("OPEN");
        assertThat(order.at("/data/order/fulfillmentOrders/nodes/0/lineItems/nodes/0/remainingQuantity")
                        .asInt())
                .isEqualTo(1);
        assertThat(order.at("/data/order/fulfillments/0/trackingInfo/0/number").asText())
                .isEqualTo("1Z1");
        assertThat(graphql("2026-04", ORDER, "{\"id\":\"gid://shopify/Order/404\"}")
                        .json()
                        .at("/data/order")
                        .isNull())
                .isTrue();
    }

    @Test
    void orderCancelChecksItsArgumentsAndCancelsOnce() {
        seedOrder();
        String valid = "{\"orderId\":\"gid://shopify/Order/9\",\"reason\":\"INVENTORY\",\"refund\":true,"
                + "\"restock\":false,\"note\":\"sold out\"}";

        JsonNode badReason = graphql(
                        "2026-04",
                        CANCEL,
                        "{\"orderId\":\"gid://shopify/Order/9\",\"reason\":\"BORED\",\"refund\":true,\"restock\":false}")
                .json();
        JsonNode noRefund = graphql(
                        "2026-04",
                        CANCEL,
                        "{\"orderId\":\"gid://shopify/Order/9\",\"reason\":\"INVENTORY\",\"restock\":false}")
                .json();
        JsonNode cancelled = graphql("2026-04", CANCEL, valid).json();
        JsonNode again = graphql("2026-04", CANCEL, valid).json();

        assertThat(badReason.at("/errors/0/message").asText())
                .contains("reason")
                .contains("INVENTORY");
        assertThat(noRefund.at("/errors/0/message").asText()).contains("refund");
        assertThat(cancelled.at("/data/orderCancel/orderCancelUserErrors")).isEmpty();
        assertThat(cancelled.at("/data/orderCancel/job/id").asText()).startsWith("gid://shopify/Job/");
        assertThat(again.at("/data/orderCancel/orderCancelUserErrors/0/code").asText())
                .isEqualTo("INVALID");
        assertThat(http.get("/_sim/cancellations")
                        .json()
                        .at("/shopify/0/staffNote")
                        .asText())
                .isEqualTo("sold out");
    }
}
