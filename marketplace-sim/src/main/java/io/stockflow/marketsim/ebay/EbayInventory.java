package io.stockflow.marketsim.ebay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.stockflow.marketsim.core.DailyLimit;
import io.stockflow.marketsim.core.Json;
import io.stockflow.marketsim.core.Reply;
import java.util.HashSet;
import java.util.Set;

/**
 * Sell Inventory API v1: {@code bulkUpdatePriceQuantity} (at most 25 requests a call, each a SKU with its offers'
 * {@code availableQuantity}; answered per offer with its own {@code statusCode}, 200 when all succeeded, 207 when
 * some did not) and {@code getOffer}. Every change to an offer revises its listing, and a listing may be revised
 * {@code perDay} times a calendar day; past that, its updates fail until the next day.
 */
final class EbayInventory {
    private final EbayStore store;
    private final String accessToken;
    private final int requestsPerCall;
    private final DailyLimit revisions;

    EbayInventory(EbayStore store, String accessToken, int requestsPerCall, DailyLimit revisions) {
        this.store = store;
        this.accessToken = accessToken;
        this.requestsPerCall = requestsPerCall;
        this.revisions = revisions;
    }

    static boolean authorized(Context ctx, String accessToken) {
        return ("Bearer " + accessToken).equals(ctx.header("Authorization"));
    }

    Reply bulkUpdatePriceQuantity(Context ctx) {
        if (!authorized(ctx, accessToken)) return EbayErrors.unauthorized();
        JsonNode body;
        try {
            body = Json.parse(ctx.body());
        } catch (Json.MalformedJson e) {
            return EbayErrors.invalid(
                    EbayErrors.INVENTORY,
                    EbayErrors.INVALID_VALUE,
                    "Invalid value for the request body. It could not be read as JSON: " + e.getMessage());
        }
        JsonNode requests = body.isObject() ? body.get("requests") : null;
        if (requests == null || !requests.isArray() || requests.isEmpty()) {
            return EbayErrors.invalid(
                    EbayErrors.INVENTORY,
                    EbayErrors.INVALID_VALUE,
                    "Invalid value for requests. It must be a non-empty array.");
        }
        if (requests.size() > requestsPerCall) {
            return EbayErrors.invalid(
                    EbayErrors.INVENTORY,
                    EbayErrors.USER_ERROR,
                    "A user error has occurred. " + "The number of requests in one call cannot exceed "
                            + requestsPerCall + ", got " + requests.size() + ".");
        }
        for (JsonNode request : requests) {
            String problem = malformed(request);
            if (problem != null) return EbayErrors.invalid(EbayErrors.INVENTORY, EbayErrors.INVALID_VALUE, problem);
        }
        ArrayNode responses = Json.array();
        boolean allSucceeded = true;
        synchronized (store) {
            for (JsonNode request : requests) {
                String sku = request.get("sku").textValue();
                JsonNode shipToHome = request.get("shipToLocationAvailability");
                if (shipToHome != null && shipToHome.has("quantity")) {
                    store.setShipToHome(sku, shipToHome.get("quantity").intValue());
                    if (!request.has("offers"))
                        responses.addObject().put("sku", sku).put("statusCode", 200);
                }
                Set<String> seen = new HashSet<>();
                for (JsonNode offerUpdate : request.path("offers")) {
                    ObjectNode response = update(sku, offerUpdate, seen);
                    allSucceeded &= response.get("statusCode").intValue() == 200;
                    responses.add(response);
                }
            }
        }
        ObjectNode answer = Json.object();
        answer.set("responses", responses);
        return Reply.json(allSucceeded ? 200 : 207, answer);
    }

    Reply getOffer(Context ctx) {
        if (!authorized(ctx, accessToken)) return EbayErrors.unauthorized();
        String offerId = ctx.pathParam("offerId");
        synchronized (store) {
            EbayStore.Offer offer = store.offer(offerId);
            if (offer == null) {
                return EbayErrors.reply(
                        404,
                        EbayErrors.entry(
                                EbayErrors.OFFER_NOT_AVAILABLE,
                                EbayErrors.INVENTORY,
                                "REQUEST",
                                "This Offer is not available : " + offerId + ".",
                                null));
            }
            ObjectNode answer = Json.object()
                    .put("offerId", offer.offerId)
                    .put("sku", offer.sku)
                    .put("marketplaceId", offer.marketplaceId)
                    .put("format", "FIXED_PRICE")
                    .put("availableQuantity", offer.availableQuantity)
                    .put("status", "PUBLISHED");
            answer.putObject("listing").put("listingId", offer.listingId).put("listingStatus", "ACTIVE");
            return Reply.json(200, answer);
        }
    }

    private ObjectNode update(String sku, JsonNode offerUpdate, Set<String> seen) {
        String offerId = offerUpdate.get("offerId").textValue();
        ObjectNode response = Json.object().put("offerId", offerId).put("sku", sku);
        EbayStore.Offer offer = store.offer(offerId);
        if (!seen.add(offerId)) {
            return failed(
                    response,
                    400,
                    EbayErrors.INVALID_VALUE,
                    "Invalid value for offerId. Offer " + offerId + " appears more than once in the request.");
        }
        if (offer == null) {
            return failed(
                    response, 404, EbayErrors.OFFER_NOT_AVAILABLE, "This Offer is not available : " + offerId + ".");
        }
        if (!offer.sku.equals(sku)) {
            return failed(
                    response,
                    400,
                    EbayErrors.INVALID_VALUE,
                    "Invalid value for sku. Offer " + offerId + " belongs to SKU " + offer.sku + ".");
        }
        if (!revisions.tryCount(offerId)) {
            return failed(
                    response,
                    400,
                    EbayErrors.USER_ERROR,
                    "A user error has occurred. This listing has been "
                            + "revised " + revisions.perDay()
                            + " times today, the most a calendar day allows; it can be "
                            + "revised again tomorrow.");
        }
        if (offerUpdate.has("availableQuantity"))
            offer.availableQuantity = offerUpdate.get("availableQuantity").intValue();
        return response.put("statusCode", 200);
    }

    private static ObjectNode failed(ObjectNode response, int status, int errorId, String message) {
        response.put("statusCode", status);
        response.putArray("errors").add(EbayErrors.entry(errorId, EbayErrors.INVENTORY, "REQUEST", message, null));
        return response;
    }

    /** What makes one request unreadable, or null. */
    private static String malformed(JsonNode request) {
        if (!request.isObject() || Json.textOrNull(request.get("sku")) == null) {
            return "Invalid value for sku. Each request needs the inventory item's SKU.";
        }
        JsonNode shipToHome = request.get("shipToLocationAvailability");
        if (shipToHome != null && shipToHome.has("quantity") && !nonNegative(shipToHome.get("quantity"))) {
            return "Invalid value for shipToLocationAvailability.quantity. It must be a whole number of 0 or more.";
        }
        JsonNode offers = request.get("offers");
        if (offers == null) {
            return shipToHome == null
                    ? "Invalid value for offers. A request needs offers or shipToLocationAvailability."
                    : null;
        }
        if (!offers.isArray()) return "Invalid value for offers. It must be an array.";
        for (JsonNode offer : offers) {
            if (!offer.isObject() || Json.textOrNull(offer.get("offerId")) == null) {
                return "Invalid value for offerId. Each offer needs its offerId.";
            }
            if (offer.has("availableQuantity") && !nonNegative(offer.get("availableQuantity"))) {
                return "Invalid value for availableQuantity. It must be a whole number of 0 or more.";
            }
        }
        return null;
    }

    private static boolean nonNegative(JsonNode value) {
        Integer n = Json.intOrNull(value);
        return n != null && n >= 0;
    }
}
