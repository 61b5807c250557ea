package io.stockflow.routing;

import io.stockflow.ledger.RoutePlan;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;

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
        plan.evaluation = write(evaluation);
        return plan;
    }

    public static Evaluation evaluation(RoutePlan plan) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(plan.evaluation))) {
            return (Evaluation) in.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] write(Evaluation evaluation) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(evaluation);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
