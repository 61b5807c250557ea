package io.stockflow.flink.anomalies;

import io.stockflow.anomaly.LedgerTolerance;
import io.stockflow.anomaly.RhythmModel;
import io.stockflow.flink.job.SettingType;
import io.stockflow.flink.job.StockflowOptions;
import io.stockflow.flink.time.ReplayHorizon;
import java.io.Serializable;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.util.TimeUtils;

/**
 * The anomalies job's settings: the models' parameters, lead times, tolerances and time. Lead times, the alert budget
 * and time are read from the keys of {@link StockflowOptions}; the models' other parameters are not settings. A new instance holds the
 * defaults.
 */
public final class AnomaliesSettings implements Serializable {
    private static final long serialVersionUID = 1L;

    public boolean replay;
    public ReplayHorizon horizon = ReplayHorizon.LIVE;
    public Duration outOfOrderness = StockflowOptions.OUT_OF_ORDERNESS.defaultValue();
    public Duration idleness = StockflowOptions.IDLENESS.defaultValue();
    public RhythmModel rhythm = new RhythmModel();
    /** Replenishment lead time per SKU; others take {@link #defaultLeadTime}. */
    public Map<String, Duration> leadTimes = new LinkedHashMap<>();

    public Duration defaultLeadTime = StockflowOptions.DEFAULT_LEAD_TIME.defaultValue();
    /** SKUs selling fewer units per hour than this are not forecast (a slow seller's forecast is noise). */
    public double stockoutMinUnitsPerHour = 2;
    /** Bins of sales before a SKU's velocity is trusted. */
    public long stockoutWarmUpBins = 8;

    public LedgerTolerance ledgerTolerance = LedgerTolerance.DEFAULT;
    public Duration burstWindow = Duration.ofMinutes(15);
    /** Orders of one customer (email or phone hash) within the window that make a burst. */
    public int burstOrdersByCustomer = 3;
    /**
     * Orders to one ship-to building (country, postcode and street) within the window that make a burst: one more
     * than for a customer, as the households of an apartment building share the key.
     */
    public int burstOrdersByAddress = 4;
    /** Inputs an earlier job of the same graph already reads and dead-letters: their bad records are not repeated. */
    public Set<String> deadLetteredElsewhere = new HashSet<>();

    /** The settings a configuration holds; IllegalArgumentException for a lead time that is not a duration. */
    public static AnomaliesSettings from(ReadableConfig config) {
        AnomaliesSettings s = new AnomaliesSettings();
        s.outOfOrderness = config.get(StockflowOptions.OUT_OF_ORDERNESS);
        s.idleness = config.get(StockflowOptions.IDLENESS);
        config.get(StockflowOptions.LEAD_TIMES)
                .forEach((sku, duration) -> s.leadTimes.put(sku, leadTime(sku, duration)));
        s.defaultLeadTime = config.get(StockflowOptions.DEFAULT_LEAD_TIME);
        double budget = config.get(StockflowOptions.ALERT_BUDGET);
        if (!(budget > 0) || Double.isInfinite(budget)) {
            throw new IllegalArgumentException(
                    StockflowOptions.ALERT_BUDGET.key() + ": " + budget + " is not a positive number of alerts a week");
        }
        s.rhythm.alertsPerWeek = budget;
        return s;
    }

    private static Duration leadTime(String sku, String duration) {
        try {
            return TimeUtils.parseDuration(duration);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(StockflowOptions.LEAD_TIMES.key() + ": " + sku + " has '" + duration
                    + "', not " + SettingType.DURATION.expected);
        }
    }
}
