package io.stockflow.channels;

import java.util.ArrayList;
import java.util.List;

/** Splits what is to be sent into consecutive batches of at most a channel's batch size. */
final class Batches {
    private Batches() {}

    static <T> List<List<T>> of(List<T> items, int size) {
        List<List<T>> batches = new ArrayList<>();
        for (int from = 0; from < items.size(); from += size) {
            batches.add(List.copyOf(items.subList(from, Math.min(items.size(), from + size))));
        }
        return batches;
    }
}
