package io.stockflow.flink.metrics;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;

/**
 * The business metrics of the jobs, defined in one place: names, the group they live in and their label keys. They
 * sit in Flink's metric system under the operator's group, in a {@value #GROUP} group; a key-value group becomes a
 * label. With Flink's Prometheus reporter, for example:
 *
 * <pre>
 * flink_taskmanager_job_task_operator_stockflow_channel_ordersIn{channel="shopify",operator_name="order gate...",...}
 * flink_taskmanager_job_task_operator_stockflow_reason_deadLetters{reason="missing_field",...}
 * flink_taskmanager_job_task_operator_stockflow_alert_type_alerts{alert_type="OVERSELL",...}
 * flink_taskmanager_job_task_operator_stockflow_reservations / _reservedUnits / _backorderedUnits
 * flink_taskmanager_job_task_operator_stockflow_eventTimeLagMs
 * flink_taskmanager_job_task_operator_stockflow_endToEndLatencyMs{quantile="0.5"|"0.95"|"0.99"|...}
 * flink_taskmanager_job_task_operator_oversells (and recordsParsed, recordsDeadLettered, duplicatesDropped, ...)
 * </pre>
 */
public final class StockflowMetrics {
    public static final String GROUP = "stockflow";

    /** New orders (PLACED events after deduplication) per marketplace channel. */
    public static final String ORDERS_IN = "ordersIn";
    /** Records sent to {@code deadletter}, by reason category (see {@code DeadLetterReasons}). */
    public static final String DEAD_LETTERS = "deadLetters";
    /** Order lines that reserved stock, the units reserved, and the units no location had. */
    public static final String RESERVATIONS = "reservations";

    public static final String RESERVED_UNITS = "reservedUnits";
    public static final String BACKORDERED_UNITS = "backorderedUnits";
    /** Alerts raised, by alert type. */
    public static final String ALERTS = "alerts";
    /** Processing time minus the event time of the last command the ledger applied, in ms. */
    public static final String EVENT_TIME_LAG = "eventTimeLagMs";
    /**
     * From the moment the marketplace event was received ({@code received_at} of the envelope) to the ledger's decision
     * on it, in ms: a histogram over the last {@value #LATENCY_WINDOW} reservations.
     */
    public static final String END_TO_END_LATENCY = "endToEndLatencyMs";

    public static final String CHANNEL = "channel";
    public static final String REASON = "reason";
    public static final String ALERT_TYPE = "alert_type";

    static final int LATENCY_WINDOW = 2048;
    /** Distinct label values per metric at most; later ones are counted under {@value #OTHER}. */
    static final int MAX_KEYS = 64;

    static final String OTHER = "other";

    private StockflowMetrics() {}

    public static MetricGroup group(MetricGroup operator) {
        return operator.addGroup(GROUP);
    }

    public static Histogram latencyHistogram() {
        return new DescriptiveStatisticsHistogram(LATENCY_WINDOW);
    }

    /** Counters of one name, one per value of a label ({@code key}), created on first use. */
    public static PerKey<Counter> counters(MetricGroup operator, String key, String name) {
        MetricGroup group = group(operator);
        return new PerKey<>(value -> group.addGroup(key, value).counter(name));
    }

    /** Metrics per label value, created on first use and then looked up (one hash lookup on the hot path). */
    public static final class PerKey<M extends Metric> {
        private final Function<String, M> create;
        private final Map<String, M> metrics = new HashMap<>();

        PerKey(Function<String, M> create) {
            this.create = create;
        }

        public M get(String value) {
            M metric = metrics.get(value);
            if (metric != null) return metric;
            String key = value == null || value.isEmpty() ? "unknown" : value;
            if (metrics.size() >= MAX_KEYS) key = OTHER;
            return metrics.computeIfAbsent(key, create);
        }
    }
}
