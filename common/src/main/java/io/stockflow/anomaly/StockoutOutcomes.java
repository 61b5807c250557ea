package io.stockflow.anomaly;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What became of the stock-out predictions that match no label. A scenario's labels hold the stock-outs injected
 * into it; a SKU whose demand outgrows its trucks runs out too, and a prediction of that is counted a false alarm.
 * The outcome tells them apart: a prediction came true when the SKU's overall availability reached 0 within its
 * lead time after it. Reported beside precision, never folded into it.
 */
public final class StockoutOutcomes {
    private StockoutOutcomes() {}

    /**
     * Of {@code predictions} (items of {@code STOCKOUT_PREDICTED}: start the alert's event time, end start plus the
     * lead time), those that match no label and before whose end the SKU's availability reached 0 ({@code stockouts}:
     * items with the subject of the SKU and the time at which its overall availability was 0).
     */
    public static List<Evaluation.Item> unlabelledThatCameTrue(
            List<Evaluation.Item> labels,
            List<Evaluation.Item> predictions,
            List<Evaluation.Item> stockouts,
            long tolerance) {
        Map<String, List<Long>> zeroAt = new HashMap<>();
        for (Evaluation.Item s : stockouts)
            zeroAt.computeIfAbsent(s.subject, k -> new ArrayList<>()).add(s.start);
        List<Evaluation.Item> cameTrue = new ArrayList<>();
        for (Evaluation.Item p : predictions) {
            Evaluation.Item asAlert = new Evaluation.Item(p.type, p.subject, p.start, p.start);
            boolean labelled = false;
            for (Evaluation.Item l : labels) labelled |= Evaluation.matches(l, asAlert, tolerance);
            if (labelled) continue;
            for (long t : zeroAt.getOrDefault(p.subject, List.of())) {
                if (t >= p.start && t <= p.end) {
                    cameTrue.add(p);
                    break;
                }
            }
        }
        return cameTrue;
    }
}
