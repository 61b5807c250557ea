package io.stockflow.channels;

/**
 * The GraphQL documents the Shopify client sends. From 2026-01 the mutation carries {@code @idempotent(key:)} (2026-04
 * requires it), so a retry of a call whose answer was lost is answered without setting the quantities twice.
 */
final class ShopifyDocuments {
    private ShopifyDocuments() {}

    private static final String SET_SELECTION =
            " { inventoryAdjustmentGroup { id } userErrors { field message code } } }";

    static final String SET_QUANTITIES = "mutation SetAvailable($input: InventorySetQuantitiesInput!) {"
            + " inventorySetQuantities(input: $input)" + SET_SELECTION;

    static final String SET_QUANTITIES_IDEMPOTENT =
            "mutation SetAvailable($input: InventorySetQuantitiesInput!, $idempotencyKey: String!) {"
                    + " inventorySetQuantities(input: $input) @idempotent(key: $idempotencyKey)" + SET_SELECTION;

    static final String AVAILABLE = "query Available($item: ID!, $location: ID!) {"
            + " inventoryItem(id: $item) { inventoryLevel(locationId: $location) {"
            + " quantities(names: [\"available\"]) { name quantity } } } }";

    static final String ORDER = "query OrderForChannelSync($id: ID!) { order(id: $id) { id cancelledAt"
            + " fulfillmentOrders(first: 20) { nodes { id status lineItems(first: 100) { nodes { id sku remainingQuantity } } } }"
            + " fulfillments(first: 50) { trackingInfo { number } } } }";

    static final String ORDER_CANCEL = "mutation CancelOrder($orderId: ID!, $reason: OrderCancelReason!,"
            + " $refund: Boolean!, $restock: Boolean!, $notifyCustomer: Boolean, $staffNote: String) {"
            + " orderCancel(orderId: $orderId, reason: $reason, refund: $refund, restock: $restock,"
            + " notifyCustomer: $notifyCustomer, staffNote: $staffNote) { job { id } orderCancelUserErrors { field message code } } }";

    static final String FULFILLMENT_CREATE = "mutation ConfirmShipment($fulfillment: FulfillmentInput!) {"
            + " fulfillmentCreate(fulfillment: $fulfillment) { fulfillment { id status } userErrors { field message } } }";
}
