package io.stockflow.marketsim.core;

import io.javalin.http.Context;

/** One API operation: a plain function from the request to the answer. */
@FunctionalInterface
public interface ApiOperation {
    Reply handle(Context ctx) throws Exception;
}
