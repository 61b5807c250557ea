package io.stockflow.marketsim.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stockflow.marketsim.core.Json;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code inventorySetQuantities} mutation: absolute quantities per inventory item and location, all or nothing,
 * behind a compare-and-swap check whose form depends on the API version:
 * <ul>
 *   <li>before 2026-01: {@code compareQuantity} on each quantity, required unless {@code ignoreCompareQuantity};</li>
 *   <li>2026-01: a given {@code changeFromQuantity} (null skips the check) overrides the older fields;</li>
 *   <li>2026-04 and later: {@code changeFromQuantity} must be given on every quantity, the older fields are gone, and
 *       the {@code @idempotent(key:)} directive is required.</li>
 * </ul>
 * A retry with the same idempotency key and input gets the first answer again without changing anything.
 */
final class InventorySetQuantities {
    static final String FIELD = "inventorySetQuantities";
    private static final String TYPE = "InventorySetQuantitiesInput!";
    private static final int LIMIT = 1_000_000_000;
    /** The reasons Shopify accepts for a quantity change. */
    private static final Set<String> REASONS = Set.of(
            "correction",
            "cycle_count_available",
            "damaged",
            "movement_created",
            "movement_updated",
            "movement_received",
            "movement_canceled",
            "other",
            "promotion",
            "quality_control",
            "received",
            "reservation_created",
            "reservation_deleted",
            "reservation_updated",
            "restock",
            "safety_stock",
            "shrinkage");

    private final ShopifyStore store;
    private final Clock clock;

    InventorySetQuantities(ShopifyStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** One quantity to set; {@code expected} is checked when {@code checked}, named after the field it came from. */
    private record Change(
            int index,
            String item,
            String location,
            int quantity,
            boolean checked,
            Integer expected,
            boolean viaChangeFrom) {}

    /** The payload ({@code inventoryAdjustmentGroup}, {@code userErrors}); input that breaks its type is thrown. */
    JsonNode run(GraphqlDocument.Field field, JsonNode variables, ApiVersion version, String idempotencyKey)
            throws InputProblem, OperationRefused {
        GraphqlDocument.Value argument = field.arguments().get("input");
        String variable = argument instanceof GraphqlDocument.Variable v ? v.name() : "input";
        JsonNode input = GraphqlDocument.resolve(argument, variables);
        InputProblem.Reader reader = new InputProblem.Reader(variable, TYPE, input);
        List<Object> root = List.of();
        reader.requireObject(input, root);
        boolean modern = version.atLeast(ApiVersion.V2026_04);
        boolean hasChangeFrom = version.atLeast(ApiVersion.V2026_01);
        List<String> inputFields = new ArrayList<>(List.of("name", "reason", "referenceDocumentUri", "quantities"));
        if (!modern) inputFields.add("ignoreCompareQuantity");
        reader.onlyFields(input, root, "InventorySetQuantitiesInput", inputFields);
        String name = reader.requireString(input, root, "name");
        String reason = reader.requireString(input, root, "reason");
        String referenceDocumentUri = reader.optionalString(input, root, "referenceDocumentUri");
        boolean ignoreCompare = !modern && reader.optionalBoolean(input, root, "ignoreCompareQuantity");
        JsonNode quantities = reader.requireList(input, root, "quantities");
        List<String> quantityFields = new ArrayList<>(List.of("inventoryItemId", "locationId", "quantity"));
        if (!modern) quantityFields.add("compareQuantity");
        if (hasChangeFrom) quantityFields.add("changeFromQuantity");

        List<Change> changes = new ArrayList<>();
        ArrayNode userErrors = Json.array();
        for (int i = 0; i < quantities.size(); i++) {
            List<Object> at = List.of("quantities", i);
            JsonNode q = reader.requireObject(quantities.get(i), at);
            reader.onlyFields(q, at, "InventoryQuantityInput", quantityFields);
            String item = reader.requireGid(q, at, "inventoryItemId", "InventoryItem");
            String location = reader.requireGid(q, at, "locationId", "Location");
            int quantity = reader.requireInt(q, at, "quantity");
            Integer compare = modern ? null : reader.optionalInt(q, at, "compareQuantity");
            boolean changeFromGiven = hasChangeFrom && q.has("changeFromQuantity");
            Integer changeFrom = hasChangeFrom ? reader.optionalInt(q, at, "changeFromQuantity") : null;
            if (modern && !changeFromGiven) {
                throw reader.problem(
                        InputProblem.Reader.append(at, "changeFromQuantity"),
                        "Expected changeFromQuantity to be given: the quantity expected now, or null to skip the check");
            }
            if (changeFromGiven) {
                changes.add(new Change(i, item, location, quantity, changeFrom != null, changeFrom, true));
            } else if (ignoreCompare) {
                changes.add(new Change(i, item, location, quantity, false, null, false));
            } else if (compare == null) {
                userErrors.add(ShopifyErrors.userError(
                        List.of("input", "quantities", i, "compareQuantity"),
                        "The compareQuantity argument must be given to each quantity or ignored using "
                                + "ignoreCompareQuantity.",
                        "COMPARE_QUANTITY_REQUIRED"));
            } else {
                changes.add(new Change(i, item, location, quantity, true, compare, false));
            }
        }
        if (modern && idempotencyKey == null) {
            throw new OperationRefused(
                    "The @idempotent(key:) directive is required on " + FIELD + " as of API version 2026-04.");
        }

        synchronized (store) {
            if (idempotencyKey != null) {
                ShopifyStore.Remembered earlier = store.remembered(idempotencyKey);
                if (earlier != null) {
                    if (earlier.input().equals(input)) return earlier.payload();
                    ArrayNode mismatch = Json.array()
                            .add(ShopifyErrors.userError(
                                    List.of("input"),
                                    "The same idempotency key cannot be used with different operation parameters.",
                                    "IDEMPOTENCY_KEY_PARAMETER_MISMATCH"));
                    return payload(null, mismatch);
                }
            }
            check(name, reason, changes, userErrors);
            JsonNode answer = userErrors.isEmpty()
                    ? payload(apply(name, reason, referenceDocumentUri, changes), userErrors)
                    : payload(null, userErrors);
            if (idempotencyKey != null) store.remember(idempotencyKey, new ShopifyStore.Remembered(input, answer));
            return answer;
        }
    }

    private void check(String name, String reason, List<Change> changes, ArrayNode userErrors) {
        if (!name.equals("available") && !name.equals("on_hand")) {
            userErrors.add(ShopifyErrors.userError(
                    List.of("input", "name"),
                    "The quantity name must be either 'available' or 'on_hand'.",
                    "INVALID_NAME"));
        }
        if (!REASONS.contains(reason)) {
            userErrors.add(ShopifyErrors.userError(
                    List.of("input", "reason"), "The specified reason is invalid.", "INVALID_REASON"));
        }
        Set<String> pairs = new HashSet<>();
        for (Change c : changes) {
            List<Object> at = List.of("input", "quantities", c.index());
            if (!store.knowsItem(c.item())) {
                userErrors.add(ShopifyErrors.userError(
                        with(at, "inventoryItemId"),
                        "The specified inventory item could not be found.",
                        "INVALID_INVENTORY_ITEM"));
                continue;
            }
            if (!store.knowsLocation(c.location())) {
                userErrors.add(ShopifyErrors.userError(
                        with(at, "locationId"), "The specified location could not be found.", "INVALID_LOCATION"));
                continue;
            }
            Integer current = store.available(c.item(), c.location());
            if (current == null) {
                userErrors.add(ShopifyErrors.userError(
                        with(at, "locationId"),
                        "The specified inventory item is not stocked at the location.",
                        "ITEM_NOT_STOCKED_AT_LOCATION"));
                continue;
            }
            if (!pairs.add(c.item() + " " + c.location())) {
                userErrors.add(ShopifyErrors.userError(
                        at,
                        "The combination of inventoryItemId and locationId must " + "be unique.",
                        "NO_DUPLICATE_INVENTORY_ITEM_ID_GROUP_ID_PAIR"));
            }
            if (c.quantity() > LIMIT) {
                userErrors.add(ShopifyErrors.userError(
                        with(at, "quantity"),
                        "The total quantity can't be higher than 1,000,000,000.",
                        "INVALID_QUANTITY_TOO_HIGH"));
            } else if (c.quantity() < -LIMIT) {
                userErrors.add(ShopifyErrors.userError(
                        with(at, "quantity"),
                        "The total quantity can't be lower than -1,000,000,000.",
                        "INVALID_QUANTITY_TOO_LOW"));
            }
            if (c.checked() && !c.expected().equals(current)) {
                userErrors.add(
                        c.viaChangeFrom()
                                ? ShopifyErrors.userError(
                                        with(at, "changeFromQuantity"),
                                        "The changeFromQuantity value does not match persisted value.",
                                        "CHANGE_FROM_QUANTITY_STALE")
                                : ShopifyErrors.userError(
                                        with(at, "compareQuantity"),
                                        "The compareQuantity value does not match persisted value.",
                                        "COMPARE_QUANTITY_STALE"));
            }
        }
    }

    private ObjectNode apply(String name, String reason, String referenceDocumentUri, List<Change> changes) {
        ObjectNode group = Json.object()
                .put("id", "gid://shopify/InventoryAdjustmentGroup/" + store.nextId())
                .put("createdAt", clock.instant().toString())
                .put("reason", reason);
        if (referenceDocumentUri != null) group.put("referenceDocumentUri", referenceDocumentUri);
        else group.set("referenceDocumentUri", NullNode.getInstance());
        ArrayNode list = group.putArray("changes");
        for (Change c : changes) {
            int before = store.available(c.item(), c.location());
            store.setAvailable(c.item(), c.location(), c.quantity());
            ObjectNode change = list.addObject()
                    .put("name", name)
                    .put("delta", c.quantity() - before)
                    .put("quantityAfterChange", c.quantity());
            change.putObject("item").put("id", c.item());
            change.putObject("location").put("id", c.location());
        }
        return group;
    }

    private static ObjectNode payload(ObjectNode group, ArrayNode userErrors) {
        ObjectNode payload = Json.object();
        payload.set("inventoryAdjustmentGroup", group == null ? NullNode.getInstance() : group);
        payload.set("userErrors", userErrors);
        return payload;
    }

    private static List<Object> with(List<Object> path, String field) {
        return InputProblem.Reader.append(path, field);
    }
}
