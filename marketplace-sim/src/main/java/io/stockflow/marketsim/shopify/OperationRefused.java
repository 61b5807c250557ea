package io.stockflow.marketsim.shopify;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** An operation Shopify refuses at run time although its input fits the types, e.g. without a required directive. */
final class OperationRefused extends Exception {
    OperationRefused(String message) {
        super(message);
    }

    ObjectNode toError() {
        return ShopifyErrors.graphqlError(getMessage(), null);
    }
}
