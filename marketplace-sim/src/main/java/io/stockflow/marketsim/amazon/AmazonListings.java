package io.stockflow.marketsim.amazon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.stockflow.marketsim.core.Json;
import io.stockflow.marketsim.core.Reply;
import io.stockflow.marketsim.core.TokenBucket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Listings Items API 2021-08-01: {@code patchListingsItem} (a JSON Patch of attributes; channel sync replaces
 * {@code /attributes/fulfillment_availability}) and {@code getListingsItem} (with
 * {@code includedData=fulfillmentAvailability} for reconciliation). Each operation has its own usage-plan bucket.
 * A patch that reads but breaks an attribute's rules is answered 200 with status {@code INVALID} and its issues, as
 * Amazon answers; {@code mode=VALIDATION_PREVIEW} checks without changing anything.
 */
final class AmazonListings {
    private static final Set<String> OPS = Set.of("add", "replace", "merge", "delete");
    private static final Set<String> INCLUDED_DATA = Set.of(
            "summaries",
            "attributes",
            "issues",
            "offers",
            "fulfillmentAvailability",
            "procurement",
            "relationships",
            "productTypes");
    static final String FULFILLMENT_AVAILABILITY = "/attributes/fulfillment_availability";

    private final AmazonStore store;
    private final String accessToken;
    private final TokenBucket patchBucket;
    private final TokenBucket getBucket;
    private final Clock clock;

    AmazonListings(AmazonStore store, String accessToken, TokenBucket patchBucket, TokenBucket getBucket, Clock clock) {
        this.store = store;
        this.accessToken = accessToken;
        this.patchBucket = patchBucket;
        this.getBucket = getBucket;
        this.clock = clock;
    }

    Reply patch(Context ctx) {
        Reply refused = admit(ctx, patchBucket);
        if (refused != null) return refused;
        List<String> marketplaceIds = marketplaceIds(ctx);
        if (marketplaceIds.isEmpty())
            return headers(AmazonErrors.invalidInput("Required parameter 'marketplaceIds' is absent."), patchBucket);
        JsonNode body;
        try {
            body = Json.parse(ctx.body());
        } catch (Json.MalformedJson e) {
            return headers(AmazonErrors.invalidInput("Request body is not valid JSON: " + e.getMessage()), patchBucket);
        }
        String malformed = malformedPatch(body);
        if (malformed != null) return headers(AmazonErrors.invalidInput(malformed), patchBucket);
        String sellerId = ctx.pathParam("sellerId");
        String sku = ctx.pathParam("sku");
        boolean preview = "VALIDATION_PREVIEW".equals(ctx.queryParam("mode"));
        synchronized (store) {
            AmazonStore.Listing listing = store.listing(sellerId, sku);
            if (listing == null || marketplaceIds.stream().noneMatch(listing.marketplaceIds::contains)) {
                return headers(notFound(sku, marketplaceIds), patchBucket);
            }
            ArrayNode issues = Json.array();
            Map<String, Integer> quantities = new HashMap<>();
            for (JsonNode patch : body.get("patches")) {
                if (FULFILLMENT_AVAILABILITY.equals(patch.get("path").textValue())
                        && !"delete".equals(patch.get("op").textValue())) {
                    readAvailability(patch.get("value"), quantities, issues);
                }
            }
            ObjectNode answer = Json.object().put("sku", sku);
            if (!issues.isEmpty()) {
                answer.put("status", "INVALID");
            } else if (preview) {
                answer.put("status", "VALID");
            } else {
                listing.quantityByChannel.putAll(quantities);
                listing.lastUpdated = clock.instant();
                answer.put("status", "ACCEPTED");
            }
            answer.put("submissionId", UUID.randomUUID().toString().replace("-", ""));
            answer.set("issues", issues);
            return headers(Reply.json(200, answer), patchBucket);
        }
    }

    Reply get(Context ctx) {
        Reply refused = admit(ctx, getBucket);
        if (refused != null) return refused;
        List<String> marketplaceIds = marketplaceIds(ctx);
        if (marketplaceIds.isEmpty())
            return headers(AmazonErrors.invalidInput("Required parameter 'marketplaceIds' is absent."), getBucket);
        List<String> included = ctx.queryParam("includedData") == null
                ? List.of("summaries")
                : Arrays.stream(ctx.queryParam("includedData").split(","))
                        .map(String::strip)
                        .toList();
        for (String data : included) {
            if (!INCLUDED_DATA.contains(data)) {
                return headers(AmazonErrors.invalidInput("Invalid value '" + data + "' for includedData."), getBucket);
            }
        }
        String sku = ctx.pathParam("sku");
        synchronized (store) {
            AmazonStore.Listing listing = store.listing(ctx.pathParam("sellerId"), sku);
            if (listing == null || marketplaceIds.stream().noneMatch(listing.marketplaceIds::contains)) {
                return headers(notFound(sku, marketplaceIds), getBucket);
            }
            ObjectNode item = Json.object().put("sku", sku);
            if (included.contains("summaries")) {
                ArrayNode summaries = item.putArray("summaries");
                listing.marketplaceIds.stream().filter(marketplaceIds::contains).forEach(m -> {
                    ObjectNode summary = summaries
                            .addObject()
                            .put("marketplaceId", m)
                            .put("productType", listing.productType)
                            .put("conditionType", "new_new")
                            .put("lastUpdatedDate", listing.lastUpdated.toString());
                    summary.putArray("status").add("BUYABLE").add("DISCOVERABLE");
                });
            }
            if (included.contains("fulfillmentAvailability")) {
                ArrayNode availability = item.putArray("fulfillmentAvailability");
                listing.quantityByChannel.forEach((code, n) -> availability
                        .addObject()
                        .put("fulfillmentChannelCode", code)
                        .put("quantity", n));
            }
            if (included.contains("issues")) item.putArray("issues");
            return headers(Reply.json(200, item), getBucket);
        }
    }

    /** The access token, then the operation's rate: null when the call may go on. */
    private Reply admit(Context ctx, TokenBucket bucket) {
        if (!accessToken.equals(ctx.header("x-amz-access-token"))) return AmazonErrors.unauthorized();
        Duration wait = bucket.tryTake();
        return wait.isZero() ? null : headers(AmazonErrors.quotaExceeded(), bucket);
    }

    static Reply headers(Reply reply, TokenBucket bucket) {
        return reply.withHeader("x-amzn-RequestId", UUID.randomUUID().toString())
                .withHeader("x-amzn-RateLimit-Limit", Double.toString(bucket.ratePerSecond()));
    }

    private static List<String> marketplaceIds(Context ctx) {
        List<String> ids = new ArrayList<>();
        for (String value : ctx.queryParams("marketplaceIds")) {
            for (String id : value.split(",")) if (!id.isBlank()) ids.add(id.strip());
        }
        return ids;
    }

    private static Reply notFound(String sku, List<String> marketplaceIds) {
        return AmazonErrors.error(
                404, "NOT_FOUND", "SKU '" + sku + "' not found in marketplace " + String.join(",", marketplaceIds), "");
    }

    /** What makes the request itself unreadable (400), as opposed to an attribute that breaks its rules. */
    private static String malformedPatch(JsonNode body) {
        if (!body.isObject()) return "The request body must be a JSON object.";
        if (Json.textOrNull(body.get("productType")) == null) return "Required property 'productType' is absent.";
        JsonNode patches = body.get("patches");
        if (patches == null || !patches.isArray() || patches.isEmpty())
            return "Required property 'patches' must be a non-empty array.";
        for (JsonNode patch : patches) {
            String op = patch.isObject() ? Json.textOrNull(patch.get("op")) : null;
            if (op == null || !OPS.contains(op)) return "Each patch needs an 'op' of add, replace, merge or delete.";
            String path = Json.textOrNull(patch.get("path"));
            if (path == null || !path.startsWith("/attributes/"))
                return "Each patch needs a 'path' of the form /attributes/{name}.";
            if (!op.equals("delete")
                    && (patch.get("value") == null || !patch.get("value").isArray())) {
                return "Patch '" + op + " " + path + "' needs an array 'value'.";
            }
        }
        return null;
    }

    private static void readAvailability(JsonNode values, Map<String, Integer> quantities, ArrayNode issues) {
        for (JsonNode value : values) {
            String code = value.isObject() ? Json.textOrNull(value.get("fulfillment_channel_code")) : null;
            if (code == null) {
                issues.add(issue("'fulfillment_channel_code' is required but not supplied."));
                continue;
            }
            Integer quantity = Json.intOrNull(value.get("quantity"));
            if (quantity == null || quantity < 0) {
                issues.add(issue("'quantity' must be a whole number of 0 or more, got " + value.get("quantity") + "."));
                continue;
            }
            quantities.put(code, quantity);
        }
    }

    private static ObjectNode issue(String message) {
        ObjectNode issue = Json.object()
                .put("code", "INVALID_ATTRIBUTE_VALUE")
                .put("message", message)
                .put("severity", "ERROR");
        issue.putArray("attributeNames").add("fulfillment_availability");
        issue.putArray("categories").add("INVALID_ATTRIBUTE");
        return issue;
    }
}
