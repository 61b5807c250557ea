package io.stockflow.routing;

import io.stockflow.ledger.RoutePlan;

/** Turns an {@link Evaluation} into the {@link RoutePlan} the SKU ledgers act on, and reads the evaluation back. */
public final class RoutePlans {
    private RoutePlans() {}

    /** The plan for {@code order} under {@code ruleSet}; stock is not known yet, capacity as {@code stock} says. */
    public static RoutePlan of(RuleSet ruleSet, RoutingRequest order, Stock stock) {
        Evaluation evaluation = RuleEvaluator.evaluate(ruleSet, order, stock);
        RoutePlan plan = new RoutePlan();
        plan.ruleSetVersion = ruleSet.version();
        for (Candidate c : evaluation.ranking()) {
            plan.candidates.add(c.location());
            for (String sku : order.lines().keySet()) {
                long safety = ruleSet.safetyStock(c.location(), sku);
                if (safety != 0) plan.safetyStock.put(c.location() + "|" + sku, safety);
            }
        }
        plan.maxShipments = evaluation.split().maxShipments();
        plan.allowBackorder = evaluation.split().allowBackorder();
        plan.evaluation = EvaluationCodec.write(evaluation);
        return plan;
    }

    /** The evaluation a plan carries, or null when the plan travels without it (see {@link #withoutEvaluation}). */
    public static Evaluation evaluation(RoutePlan plan) {
        return plan.evaluation == null ? null : EvaluationCodec.read(plan.evaluation);
    }

    /**
     * The same plan without the evaluation's bytes: the ledgers do not read them and the assembler needs them once per
     * order, so only one line of an order carries them across the keyed exchanges.
     */
    public static RoutePlan withoutEvaluation(RoutePlan plan) {
        RoutePlan copy = new RoutePlan();
        copy.ruleSetVersion = plan.ruleSetVersion;
        copy.candidates = plan.candidates;
        copy.safetyStock = plan.safetyStock;
        copy.maxShipments = plan.maxShipments;
        copy.allowBackorder = plan.allowBackorder;
        return copy;
    }
}
