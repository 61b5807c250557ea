package io.stockflow.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AvailabilityViewTest {
    private final AvailabilityView view = new AvailabilityView();

    private static Position at(String location, int onHand, int reserved, long version) {
        return new Position(
                location, onHand, reserved, 1, Math.max(0, onHand - reserved - 1), version, 1_000L * version);
    }

    @Test
    void keepsTheHighestVersionOfEachPositionWhateverOrderTheyCome() {
        assertThat(view.apply("SKU-A", at("WH-EAST", 10, 0, 2), null)).isEqualTo(AvailabilityView.Outcome.APPLIED);
        assertThat(view.apply("SKU-A", at("WH-EAST", 99, 0, 1), null)).isEqualTo(AvailabilityView.Outcome.STALE);
        assertThat(view.apply("SKU-A", at("WH-EAST", 99, 0, 2), null)).isEqualTo(AvailabilityView.Outcome.STALE);
        Position[] previous = new Position[1];
        view.apply("SKU-A", at("WH-EAST", 7, 3, 3), previous);

        assertThat(previous[0]).isEqualTo(at("WH-EAST", 10, 0, 2));
        assertThat(view.positions("SKU-A")).containsExactly(at("WH-EAST", 7, 3, 3));
    }

    @Test
    void listsTheTotalFirstThenLocationsByName() {
        view.apply("SKU-A", at("WH-WEST", 5, 0, 1), null);
        view.apply("SKU-A", at("*", 11, 3, 4), null);
        view.apply("SKU-A", at("WH-EAST", 6, 3, 3), null);

        assertThat(view.positions("SKU-A")).extracting(Position::location).containsExactly("*", "WH-EAST", "WH-WEST");
        assertThat(view.positionCount()).isEqualTo(3);
    }

    @Test
    void keepsNegativeOnHandAndLargeVersionsExactly() {
        Position p = new Position("WH-EAST", -4, 2, 0, 0, (1L << 47) + 5, 1_764_151_200_000L);
        view.apply("SKU-N", p, null);

        assertThat(view.positions("SKU-N")).containsExactly(p);
    }

    @Test
    void findsSkusByPrefixInOrder() {
        for (String sku : List.of("SHIRT-RED-M", "SHIRT-BLUE-S", "SHOE-42", "HAT"))
            view.apply(sku, at("WH-EAST", 1, 0, 1), null);

        assertThat(view.skusStartingWith("SHIRT-", 10)).containsExactly("SHIRT-BLUE-S", "SHIRT-RED-M");
        assertThat(view.skusStartingWith("SH", 2)).containsExactly("SHIRT-BLUE-S", "SHIRT-RED-M");
        assertThat(view.skusStartingWith("X", 10)).isEmpty();
        assertThat(view.positions("NOPE")).isEmpty();
    }
}
