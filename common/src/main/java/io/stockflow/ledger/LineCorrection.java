package io.stockflow.ledger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The assembler's request to one SKU's ledger (topic {@code routing.corrections}, key SKU): move what the order holds
 * of this SKU under {@code decisionId} to {@code targets}, all or nothing (no targets: release; the rest is
 * backordered unless the plan rejects the order). {@code ruleSafety}
 * is the rule set's safety stock per target location (only where not zero). A plain POJO for Flink's own serializer.
 */
public class LineCorrection {
    public String orderId;
    public String decisionId;
    public String sku;
    public List<Allocation> targets = new ArrayList<>();
    public Map<String, Long> ruleSafety = new HashMap<>();
    public long eventTime;
    /**
     * The plan rejects the order: the holds are released and nothing is owed. Otherwise what the targets leave of the
     * order's outstanding units is backordered (a plan may backorder a SKU it holds elsewhere, to keep to its split).
     */
    public boolean rejected;
    /** The rule set's candidate locations, best first: where a backordered rest of this SKU may be filled. */
    public List<String> candidates = new ArrayList<>();

    public LineCorrection() {}

    @Override
    public String toString() {
        return "correct " + orderId + " " + sku + " to " + targets + " [" + decisionId + "]";
    }
}
