package io.stockflow.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DefaultAllocatorTest {

    private static Map<String, Long> available(Object... pairs) {
        Map<String, Long> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) map.put((String) pairs[i], ((Number) pairs[i + 1]).longValue());
        return map;
    }

    @Test
    void givesTheWholeQuantityToTheLocationWithTheMostAvailable() {
        assertThat(DefaultAllocator.allocate(4, available("A", 5, "B", 9, "C", 4)))
                .containsExactly(new Allocation("B", 4));
    }

    @Test
    void splitsByMostAvailableWhenNoLocationCanTakeItAll() {
        assertThat(DefaultAllocator.allocate(12, available("A", 5, "B", 9, "C", 4)))
                .containsExactly(new Allocation("B", 9), new Allocation("A", 3));
    }

    @Test
    void breaksTiesByTheSmallerLocationIdWhateverTheMapOrder() {
        assertThat(DefaultAllocator.allocate(3, available("C", 5, "A", 5, "B", 5)))
                .containsExactly(new Allocation("A", 3));
        assertThat(DefaultAllocator.allocate(12, available("C", 5, "A", 5, "B", 5)))
                .containsExactly(new Allocation("A", 5), new Allocation("B", 5), new Allocation("C", 2));
    }

    @Test
    void allocatesOnlyWhatIsAvailableAndSkipsEmptyOrNegativeLocations() {
        assertThat(DefaultAllocator.allocate(20, available("A", 5, "B", 0, "C", -3, "D", 2)))
                .containsExactly(new Allocation("A", 5), new Allocation("D", 2));
    }

    @Test
    void allocatesNothingForNothingOrFromNowhere() {
        assertThat(DefaultAllocator.allocate(0, available("A", 5))).isEmpty();
        assertThat(DefaultAllocator.allocate(5, available())).isEmpty();
    }

    @Test
    void neverAllocatesMoreThanAskedOrMoreThanAnyLocationHas() {
        Random random = new Random(42);
        for (int round = 0; round < 500; round++) {
            Map<String, Long> stock = new LinkedHashMap<>();
            int locations = random.nextInt(5);
            for (int i = 0; i < locations; i++) stock.put("L" + random.nextInt(10), (long) random.nextInt(12) - 2);
            long quantity = random.nextInt(30);

            List<Allocation> result = DefaultAllocator.allocate(quantity, stock);

            long total = 0;
            long positiveStock = 0;
            for (long v : stock.values()) positiveStock += Math.max(0, v);
            for (Allocation a : result) {
                assertThat(a.quantity).isPositive().isLessThanOrEqualTo(stock.get(a.location));
                total += a.quantity;
            }
            assertThat(result).extracting(a -> a.location).doesNotHaveDuplicates();
            assertThat(total).isEqualTo(Math.min(quantity, positiveStock));
        }
    }
}
