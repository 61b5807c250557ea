/**
 * Fulfilment routing by versioned rule sets, as pure functions (no Flink):
 * {@link io.stockflow.routing.RuleSetParser} reads a document ({@code docs/schemas/routing.rules.schema.json}) into a
 * {@link io.stockflow.routing.RuleSet}; {@link io.stockflow.routing.RuleSetHistory} knows which version is in force;
 * {@link io.stockflow.routing.RuleEvaluator} turns an order ({@link io.stockflow.routing.RoutingRequest}) into ranked
 * candidates with their figures; {@link io.stockflow.routing.AllocationPlanner} plans it over a
 * {@link io.stockflow.routing.Stock} view into a {@link io.stockflow.routing.RoutingDecision} for
 * {@code orders.allocations}. How the Flink jobs use them across SKU keys: {@code docs/design/routing.md}.
 */
package io.stockflow.routing;
