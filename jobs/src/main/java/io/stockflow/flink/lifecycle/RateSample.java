package io.stockflow.flink.lifecycle;

import io.stockflow.lifecycle.SlaOutcome;

/** One SLA outcome seen from one dimension (a location or a channel), for the breach-rate windows. */
public class RateSample {
    public String dimension;
    public String value;
    public String sla;
    public boolean late;
    public long deadline;

    public RateSample() {}

    public RateSample(String dimension, String value, SlaOutcome o) {
        this.dimension = dimension;
        this.value = value;
        this.sla = o.sla;
        this.late = o.late;
        this.deadline = o.deadline;
    }

    public String key() {
        return dimension + "|" + sla + "|" + value;
    }
}
