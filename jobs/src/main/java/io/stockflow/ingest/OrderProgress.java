package io.stockflow.ingest;

import java.util.ArrayList;
import java.util.List;

/** What the per-order gate remembers of an order: whether its allocation was decided, its cancellation, its SKUs. */
public class OrderProgress {
    public boolean decided;
    public boolean cancelled;
    public List<String> skus = new ArrayList<>();

    public OrderProgress() {}
}
