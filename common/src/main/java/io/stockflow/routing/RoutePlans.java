package io.stockflow.routing;

import io.stockflow.ledger.RoutePlan;
import java.util.Map;

/** Turns an {@link Evaluation} into the {@link RoutePlan} the SKU ledgers act on, and reads the evaluation back. */
public final class RoutePlans {
    private RoutePlans() {}

    /** The plan for {@code order} under {@code ruleSet}; stock is not known yet, capacity as {@code stock} says. */
    public static RoutePlan of(RuleSet ruleSet, RoutingRequest order, Stock stock) {
        return plan(ruleSet, order, RuleEvaluator.evaluate(ruleSet, order, stock));
    }

    /**
     * The plan before daily capacity ({@link RuleEvaluator#beforeCapacity}), for a replay's ledger to finish with
     * {@link #withCapacity} when the order is decided.
     */
    public static RoutePlan beforeCapacity(RuleSet ruleSet, RoutingRequest order) {
        return plan(ruleSet, order, RuleEvaluator.beforeCapacity(ruleSet, order));
    }

    /**
     * A plan made {@link #beforeCapacity} with the shipments {@code stock} says are planned: the plan {@link #of}
     * makes with that stock. The safety stock it keeps is that of the candidates left.
     */
    public static RoutePlan withCapacity(RoutePlan beforeCapacity, Stock stock) {
        Evaluation evaluation = RuleEvaluator.withCapacity(evaluation(beforeCapacity), stock);
        RoutePlan plan = new RoutePlan();
        plan.ruleSetVersion = beforeCapacity.ruleSetVersion;
        for (Candidate c : evaluation.ranking()) plan.candidates.add(c.location());
        for (Map.Entry<String, Long> e : beforeCapacity.safetyStock.entrySet()) {
            for (String location : plan.candidates) {
                if (e.getKey().startsWith(location + "|")) plan.safetyStock.put(e.getKey(), e.getValue());
            }
        }
        plan.maxShipments = beforeCapacity.maxShipments;
        plan.allowBackorder = beforeCapacity.allowBackorder;
        plan.evaluation = EvaluationCodec.write(evaluation);
        return plan;
    }

    private static RoutePlan plan(RuleSet ruleSet, RoutingRequest order, Evaluation evaluation) {
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
