package io.stockflow.ledger;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Where a line goes until rule sets decide: the single location with the most available if it can take the whole
 * line; otherwise the line is split over locations in order of most available. Ties go to the smaller location id,
 * so the choice is deterministic. Never allocates more than is available.
 */
public final class DefaultAllocator {
    private DefaultAllocator() {}

    public static List<Allocation> allocate(long quantity, Map<String, Long> availableByLocation) {
        List<Map.Entry<String, Long>> ranked = new ArrayList<>(availableByLocation.entrySet());
        ranked.removeIf(e -> e.getValue() <= 0);
        ranked.sort(Comparator.<Map.Entry<String, Long>>comparingLong(Map.Entry::getValue)
                .reversed()
                .thenComparing(Map.Entry::getKey));
        List<Allocation> result = new ArrayList<>();
        long left = quantity;
        for (Map.Entry<String, Long> candidate : ranked) {
            if (left == 0) break;
            long take = Math.min(left, candidate.getValue());
            result.add(new Allocation(candidate.getKey(), take));
            left -= take;
        }
        return result;
    }
}
