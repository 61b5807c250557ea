package io.stockflow.alert;

/**
 * A record of the {@code alerts} topic. {@code alertId} is deterministic: the same breach always gets the same id.
 * {@code evidenceJson} is a rendered JSON object (see {@link Evidence}), so the record stays a plain Flink POJO.
 *
 * <p>Most alerts are one-shot: raised once, never updated; their {@code status}, {@code revision} and
 * {@code startedAt} stay null. An episode (one alert for a cause that many orders share) is raised once and then
 * updated under the same id: every update carries the next {@code revision}, {@code status} {@link #FIRING} until
 * its cause is gone, then one last revision {@link #RESOLVED} with {@code resolvedAt}.
 */
public class Alert {
    public static final String FIRING = "FIRING";
    public static final String RESOLVED = "RESOLVED";

    public String alertId;
    public String type;
    public Severity severity;
    public String orderId;
    public String sku;
    public String location;
    public String channel;
    public long eventTime;
    public long detectedAt;
    public Long windowStart;
    public Long windowEnd;
    public Double observed;
    public Double expected;
    public String message;
    public String evidenceJson;
    /** {@link #FIRING} or {@link #RESOLVED} for an episode; null for a one-shot alert. */
    public String status;
    /** 1 for an episode's first record, one more for each update; null for a one-shot alert. */
    public Integer revision;
    /** When the episode's cause began (event time); null for a one-shot alert. */
    public Long startedAt;
    /** When the episode's cause ended (event time); set only when {@code status} is {@link #RESOLVED}. */
    public Long resolvedAt;

    public Alert() {}

    @Override
    public String toString() {
        return type + " " + severity + (status == null ? "" : " " + status + " r" + revision) + " " + message + " ["
                + alertId + "]";
    }
}
