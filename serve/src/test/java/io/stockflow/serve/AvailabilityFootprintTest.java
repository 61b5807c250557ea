package io.stockflow.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Measures the heap the availability view takes per position, for the memory budget in docs/serve.md: a catalogue of
 * SKUs at three locations plus their total, filled the way the topic fills it (one record at a time, every position
 * twice), weighed on the heap after collections before and after.
 */
class AvailabilityFootprintTest {
    static final int SKUS = 100_000;
    static final String[] LOCATIONS = {"WH-EAST", "WH-WEST", "STORE-BERLIN", "*"};
    /** The budget docs/serve.md states, per position; the measured figure is printed beside it. */
    static final int BUDGET_BYTES_PER_POSITION = 100;

    @Test
    void staysWithinItsBudgetPerPosition() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = settledHeap(memory);
        AvailabilityView view = new AvailabilityView();
        for (int version = 1; version <= 2; version++)
            for (int i = 0; i < SKUS; i++)
                for (String location : LOCATIONS)
                    view.apply(
                            String.format(Locale.ROOT, "SKU-%08d", i),
                            new Position(location, 120, 7, 2, 111, version, 1_764_151_200_000L + i),
                            null);
        long after = settledHeap(memory);
        long positions = view.positionCount();
        double perPosition = (after - before) / (double) positions;

        System.out.printf(
                Locale.ROOT,
                "availability view: %d positions (%d SKUs x %d) take %.1f MB, %.1f bytes per position;"
                        + " a million positions: %.0f MB%n",
                positions,
                SKUS,
                LOCATIONS.length,
                (after - before) / 1e6,
                perPosition,
                perPosition * 1_000_000 / 1e6);
        assertThat(positions).isEqualTo((long) SKUS * LOCATIONS.length);
        assertThat(perPosition).isLessThan(BUDGET_BYTES_PER_POSITION);
        assertThat(view.positions("SKU-00000042")).hasSize(LOCATIONS.length);
    }

    private static long settledHeap(MemoryMXBean memory) {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
