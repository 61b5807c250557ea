package io.stockflow.lifecycle;

/** Late and total outcomes of a breach-rate window: the window's accumulator, so its class name is part of the savepoint format. */
public class OutcomeCounts {
    public long late;
    public long total;

    public OutcomeCounts() {}
}
