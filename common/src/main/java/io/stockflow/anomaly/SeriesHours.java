package io.stockflow.anomaly;

/**
 * The longer memory of one counted series: observed and expected counts of its last {@link #HOURS} whole hours, so
 * that windows of several hours to two days can be tested (a slow build-up of a low-volume series), and the hour in
 * progress. A Flink POJO (primitive fields and arrays only), kept in its own state beside {@link RhythmSeries}.
 */
public class SeriesHours {
    public static final int HOURS = 48;

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
        hourObserved = 0;
        hourExpected = 0;
        hoursSeen++;
        return leaving;
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
