package io.stockflow.flink.anomalies;

import io.stockflow.anomaly.LedgerTolerance;
import io.stockflow.anomaly.RhythmModel;
import io.stockflow.flink.time.ReplayHorizon;
import java.io.Serializable;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The anomalies job's settings: the models' parameters, lead times, tolerances and time. */
public final class AnomaliesSettings implements Serializable {
    private static final long serialVersionUID = 1L;

    public boolean replay;
    public ReplayHorizon horizon = ReplayHorizon.LIVE;
    public Duration outOfOrderness = Duration.ofSeconds(10);
    public Duration idleness = Duration.ofMinutes(1);
    public RhythmModel rhythm = new RhythmModel();
    /** Replenishment lead time per SKU; others take {@link #defaultLeadTime}. */
    public Map<String, Duration> leadTimes = new LinkedHashMap<>();
    public Duration defaultLeadTime = Duration.ofHours(2);
    /** SKUs selling fewer units per hour than this are not forecast (a slow seller's forecast is noise). */
    public double stockoutMinUnitsPerHour = 2;
    /** Bins of sales before a SKU's velocity is trusted. */
    public long stockoutWarmUpBins = 8;
    public LedgerTolerance ledgerTolerance = LedgerTolerance.DEFAULT;
    public Duration burstWindow = Duration.ofMinutes(15);
    /** Orders of one customer (email or phone hash) within the window that make a burst. */
    public int burstOrdersByCustomer = 3;
    /**
     * Orders to one ship-to address within the window that make a burst. The canonical order carries only country
     * and postcode, which many households share, so it takes more of them.
     */
    public int burstOrdersByAddress = 5;
    /** Inputs an earlier job of the same graph already reads and dead-letters: their bad records are not repeated. */
    public Set<String> deadLetteredElsewhere = new HashSet<>();
}
