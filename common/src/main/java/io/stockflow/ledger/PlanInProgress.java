package io.stockflow.ledger;

/**
 * A reserve's plan finished with capacity on its first line, kept for its other lines until the last has taken it. A
 * POJO: the serial ledger keeps it in keyed state (live routing in serial mode).
 */
public class PlanInProgress {
    /** The finished plan without the evaluation, which rides on the first line only. */
    public RoutePlan plan;

    public int linesLeft;

    public PlanInProgress() {}

    public PlanInProgress(RoutePlan plan, int linesLeft) {
        this.plan = plan;
        this.linesLeft = linesLeft;
    }
}
