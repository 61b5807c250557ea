package io.stockflow.marketsim.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stockflow.marketsim.core.Json;
import java.util.List;

/**
 * The read that reconciliation makes:
 * {@code inventoryItem(id) { inventoryLevel(locationId) { quantities(names: ["available"]) { name quantity } } }}.
 * An unknown item answers null, and so does the level of an item not stocked at the location, as Shopify does. The
 * simulator keeps one number per level, so {@code available} and {@code on_hand} read the same.
 */
final class InventoryItemQuery {
    static final String FIELD = "inventoryItem";

    private final ShopifyStore store;

    InventoryItemQuery(ShopifyStore store) {
        this.store = store;
    }

    JsonNode run(GraphqlDocument.Field field, JsonNode variables) throws InputProblem {
        JsonNode id = GraphqlDocument.resolve(field.arguments().get("id"), variables);
        if (id == null || !id.isTextual()) {
            throw new InputProblem("id", "ID!", List.of(), "Expected value to not be null", id);
        }
        String item = id.textValue();
        if (!store.knowsItem(item)) return NullNode.getInstance();
        ObjectNode answer = Json.object().put("id", item).put("tracked", true);
        GraphqlDocument.Field level = field.child("inventoryLevel");
        if (level != null) answer.set("inventoryLevel", level(item, level, variables));
        return answer;
    }

    private JsonNode level(String item, GraphqlDocument.Field level, JsonNode variables) throws InputProblem {
        JsonNode locationId = GraphqlDocument.resolve(level.arguments().get("locationId"), variables);
        if (locationId == null || !locationId.isTextual()) {
            throw new InputProblem("locationId", "ID!", List.of(), "Expected value to not be null", locationId);
        }
        String location = locationId.textValue();
        Integer available = store.available(item, location);
        if (available == null) return NullNode.getInstance();
        ObjectNode answer = Json.object()
                .put(
                        "id",
                        "gid://shopify/InventoryLevel/" + Math.abs((item + location).hashCode()) + "?inventory_item_id="
                                + item.substring(item.lastIndexOf('/') + 1));
        answer.putObject("location").put("id", location);
        ArrayNode quantities = answer.putArray("quantities");
        GraphqlDocument.Field asked = level.child("quantities");
        JsonNode names =
                asked == null ? null : GraphqlDocument.resolve(asked.arguments().get("names"), variables);
        if (names != null && names.isArray()) {
            for (JsonNode name : names) {
                if (name.isTextual()
                        && (name.textValue().equals("available")
                                || name.textValue().equals("on_hand"))) {
                    quantities.addObject().put("name", name.textValue()).put("quantity", available);
                }
            }
        }
        return answer;
    }
}
