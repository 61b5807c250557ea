package io.stockflow.lifecycle;

/** A ship-by or deliver-by time and where it comes from, for alerts that explain themselves. */
public final class Deadline {
    public final long time;
    /** {@code marketplace}, or how the policy computed it. */
    public final String source;

    public Deadline(long time, String source) {
        this.time = time;
        this.source = source;
    }

    @Override
    public String toString() {
        return time + " (" + source + ")";
    }
}
