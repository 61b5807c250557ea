package io.stockflow.anomaly;

/**
 * The longer memory of one counted series: observed and expected counts of its last {@link #HOURS} whole hours, so
 * that windows of several hours to two days can be tested (a slow build-up of a low-volume series), and the hour in
 * progress. A Flink POJO (primitive fields and arrays only), kept in its own state beside {@link RhythmSeries}.
 */
public class SeriesHours {
    public static final int HOURS = 48;
    static final long HOUR_MILLIS = 3_600_000L;

    /** Counts of the last whole hours, oldest first. */
    public double[] observed = new double[HOURS];
    /** What the model expected in each of those hours, when it was judged. */
    public double[] expected = new double[HOURS];

    public double hourObserved;
    public double hourExpected;
    /** Whole hours recorded. */
    public long hoursSeen;
    /** Whether a window longer than an hour was significant at the last hour's end: the episode lasts till then. */
    public boolean longAnomaly;
    /** When the series' last alert was raised: a window of several hours still holds it for up to two days. */
    public long lastAlertAt = Long.MIN_VALUE;
    /**
     * Whether each of the last whole hours (oldest first) lay in an anomaly judged in its young episode: a SKU's own
     * level is taken over the other hours, so that a drop does not lower what the next drop is judged against. Null
     * in state kept before it: no hour is marked.
     */
    public boolean[] anomalous = new boolean[HOURS];
    /** Whether the hour in progress lies in such an anomaly. */
    public boolean hourAnomalous;

    public SeriesHours() {}

    /**
     * Adds a closed bin; at the end of an hour, the hour joins the ring. Returns the observed count of the hour that
     * leaves the ring, or -1 when none does.
     */
    public double add(double observedInBin, double expectedInBin, boolean hourEnds) {
        hourObserved += observedInBin;
        hourExpected += expectedInBin;
        if (!hourEnds) return -1;
        double leaving = hoursSeen >= HOURS ? observed[0] : -1;
        System.arraycopy(observed, 1, observed, 0, HOURS - 1);
        System.arraycopy(expected, 1, expected, 0, HOURS - 1);
        observed[HOURS - 1] = hourObserved;
        expected[HOURS - 1] = hourExpected;
        if (anomalous == null) anomalous = new boolean[HOURS];
        System.arraycopy(anomalous, 1, anomalous, 0, HOURS - 1);
        anomalous[HOURS - 1] = hourAnomalous;
        hourObserved = 0;
        hourExpected = 0;
        hourAnomalous = false;
        hoursSeen++;
        return leaving;
    }

    /**
     * Marks the hours that overlap {@code [from, now)} as anomalous: the hour in progress and the whole hours before it,
     * where {@code now} is the end of the bin last added.
     */
    public void markAnomalous(long from, long now) {
        if (from >= now) return;
        if (anomalous == null) anomalous = new boolean[HOURS];
        long lastHourEnd = now - Math.floorMod(now, HOUR_MILLIS);
        if (now > lastHourEnd) hourAnomalous = true;
        for (int k = 0; k < HOURS && lastHourEnd - (long) k * HOUR_MILLIS > from; k++) {
            anomalous[HOURS - 1 - k] = true;
        }
    }

    /** Whether the whole hour {@code hoursBack} before the last one recorded (0: the last) was marked anomalous. */
    public boolean anomalous(int hoursBack) {
        return anomalous != null && anomalous[HOURS - 1 - hoursBack];
    }

    public double observedOver(int hours) {
        return sum(observed, hours);
    }

    public double expectedOver(int hours) {
        return sum(expected, hours);
    }

    private static double sum(double[] values, int hours) {
        double s = 0;
        for (int i = HOURS - hours; i < HOURS; i++) s += values[i];
        return s;
    }
}
