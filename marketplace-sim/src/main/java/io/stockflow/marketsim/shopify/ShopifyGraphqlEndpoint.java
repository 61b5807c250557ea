package io.stockflow.marketsim.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.stockflow.marketsim.core.ApiOperation;
import io.stockflow.marketsim.core.CostBucket;
import io.stockflow.marketsim.core.Json;
import io.stockflow.marketsim.core.Reply;
import io.stockflow.marketsim.core.SimRoutes;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /admin/api/{version}/graphql.json}: checks the access token and the version, reads the document, charges
 * its cost to the throttle bucket, runs the one operation it holds ({@code inventorySetQuantities},
 * {@code fulfillmentCreate}, {@code orderCancel}, or the {@code inventoryItem} and {@code order} queries) and shapes the answer to the selection. Every answer
 * that gets as far as the bucket reports it in {@code extensions.cost}.
 */
final class ShopifyGraphqlEndpoint implements ApiOperation {
    private final String accessToken;
    private final CostBucket bucket;
    private final int costPerCall;
    private final InventorySetQuantities setQuantities;
    private final FulfillmentCreate fulfillmentCreate;
    private final InventoryItemQuery inventoryItem;
    private final OrderQuery order;
    private final OrderCancel orderCancel;

    ShopifyGraphqlEndpoint(
            String accessToken,
            CostBucket bucket,
            int costPerCall,
            InventorySetQuantities setQuantities,
            FulfillmentCreate fulfillmentCreate,
            InventoryItemQuery inventoryItem,
            OrderQuery order,
            OrderCancel orderCancel) {
        this.accessToken = accessToken;
        this.bucket = bucket;
        this.costPerCall = costPerCall;
        this.setQuantities = setQuantities;
        this.fulfillmentCreate = fulfillmentCreate;
        this.inventoryItem = inventoryItem;
        this.order = order;
        this.orderCancel = orderCancel;
    }

    @Override
    public Reply handle(Context ctx) {
        if (!accessToken.equals(ctx.header("X-Shopify-Access-Token"))) return ShopifyErrors.unauthorized();
        Optional<ApiVersion> parsedVersion = ApiVersion.parse(ctx.pathParam("version"));
        if (parsedVersion.isEmpty()) return ShopifyErrors.notFound();
        ApiVersion version = parsedVersion.get();
        JsonNode body;
        try {
            body = Json.parse(ctx.body());
        } catch (Json.MalformedJson e) {
            return ShopifyErrors.missingQuery();
        }
        String query = Json.textOrNull(body.get("query"));
        if (query == null) return ShopifyErrors.missingQuery();
        JsonNode variables = body.get("variables");
        if (variables != null && !variables.isNull() && !variables.isObject()) {
            return ShopifyErrors.graphqlErrors(ShopifyErrors.graphqlError("Variables must be an object", null));
        }
        GraphqlDocument document;
        try {
            document = GraphqlDocument.parse(query);
        } catch (GraphqlDocument.ParseError e) {
            return ShopifyErrors.graphqlErrors(ShopifyErrors.graphqlError(e.getMessage(), null));
        }
        if (document.rootFields.size() != 1) {
            return ShopifyErrors.graphqlErrors(ShopifyErrors.graphqlError(
                    "The simulator runs one root field per operation; this one selects " + document.rootFields.size(),
                    null));
        }
        GraphqlDocument.Field field = document.rootFields.get(0);
        String operation = field.name();
        if (!known(document.operationType, operation)) {
            String type = document.operationType.equals("mutation") ? "Mutation" : "QueryRoot";
            ObjectNode error = ShopifyErrors.graphqlError(
                    "Field '" + operation + "' doesn't exist on type '" + type + "'", "undefinedField");
            ((ObjectNode) error.get("extensions")).put("typeName", type).put("fieldName", operation);
            return ShopifyErrors.graphqlErrors(error);
        }
        SimRoutes.operation(ctx, operation);

        CostBucket.Charge charge = bucket.tryCharge(costPerCall);
        ObjectNode answer = Json.object();
        if (!charge.granted()) {
            answer.putArray("errors").add(ShopifyErrors.throttled());
            answer.set("extensions", cost(charge, false));
            return Reply.json(200, answer).withHeader("X-Shopify-API-Version", version.name());
        }
        try {
            JsonNode payload = switch (operation) {
                case InventorySetQuantities.FIELD ->
                    setQuantities.run(field, variables, version, idempotencyKey(field, variables, version));
                case FulfillmentCreate.FIELD -> fulfillmentCreate.run(field, variables);
                case OrderCancel.FIELD -> orderCancel.run(field, variables);
                case OrderQuery.FIELD -> order.run(field, variables);
                default -> inventoryItem.run(field, variables);
            };
            answer.putObject("data").set(field.key(), GraphqlDocument.select(payload, field.selection()));
        } catch (InputProblem problem) {
            answer.putArray("errors").add(problem.toError());
        } catch (OperationRefused refused) {
            answer.putArray("errors").add(refused.toError());
        }
        answer.set("extensions", cost(charge, true));
        return Reply.json(200, answer).withHeader("X-Shopify-API-Version", version.name());
    }

    private static boolean known(String operationType, String field) {
        return operationType.equals("mutation")
                ? field.equals(InventorySetQuantities.FIELD)
                        || field.equals(FulfillmentCreate.FIELD)
                        || field.equals(OrderCancel.FIELD)
                : operationType.equals("query")
                        && (field.equals(InventoryItemQuery.FIELD) || field.equals(OrderQuery.FIELD));
    }

    /** The key of {@code @idempotent(key: ...)} on the field, from 2026-01 on (earlier versions have no directive). */
    private static String idempotencyKey(GraphqlDocument.Field field, JsonNode variables, ApiVersion version) {
        if (!version.atLeast(ApiVersion.V2026_01)) return null;
        Map<String, GraphqlDocument.Value> directive = field.directives().get("idempotent");
        if (directive == null) return null;
        JsonNode key = GraphqlDocument.resolve(directive.get("key"), variables);
        return key != null && key.isTextual() && !key.textValue().isBlank() ? key.textValue() : null;
    }

    private ObjectNode cost(CostBucket.Charge charge, boolean ran) {
        ObjectNode extensions = Json.object();
        ObjectNode cost = extensions.putObject("cost").put("requestedQueryCost", costPerCall);
        if (ran) cost.put("actualQueryCost", costPerCall);
        else cost.set("actualQueryCost", NullNode.getInstance());
        cost.putObject("throttleStatus")
                .put("maximumAvailable", charge.status().maximumAvailable())
                .put("currentlyAvailable", (long) charge.status().currentlyAvailable())
                .put("restoreRate", charge.status().restoreRate());
        return extensions;
    }
}
