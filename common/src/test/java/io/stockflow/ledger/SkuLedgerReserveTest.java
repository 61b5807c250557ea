package io.stockflow.ledger;

import static io.stockflow.ledger.LedgerHarness.CHANNEL;
import static io.stockflow.ledger.LedgerHarness.DETECTED_AT;
import static io.stockflow.ledger.LedgerHarness.SKU;
import static io.stockflow.ledger.LedgerHarness.alertsOfType;
import static io.stockflow.ledger.LedgerHarness.updateFor;
import static io.stockflow.ledger.SkuLedger.ALL_LOCATIONS;
import static org.assertj.core.api.Assertions.assertThat;

import io.stockflow.alert.Alert;
import io.stockflow.alert.AlertIds;
import io.stockflow.alert.Severity;
import io.stockflow.model.MovementType;
import java.util.List;
import org.junit.jupiter.api.Test;

class SkuLedgerReserveTest {

    /** W1 5, W2 8, W3 3 on hand. */
    private static LedgerHarness threeLocations() {
        LedgerHarness h = new LedgerHarness();
        h.receive("W1", 5);
        h.receive("W2", 8);
        h.receive("W3", 3);
        return h;
    }

    @Test
    void reservesTheWholeLineAtTheLocationWithTheMostAvailable() {
        LedgerHarness h = threeLocations();

        LedgerEffects effects = h.reserve("o1", 4);

        assertThat(h.reserved("W2")).isEqualTo(4);
        assertThat(h.reserved("W1")).isZero();
        assertThat(h.reserved("W3")).isZero();
        assertThat(h.total().reserved).isEqualTo(4);
        assertThat(effects.line.allocations).containsExactly(new Allocation("W2", 4));
        assertThat(effects.line.backordered).isZero();
        assertThat(effects.line.reason).isNull();
        assertThat(effects.alerts).isEmpty();
        assertThat(effects.availability).extracting(u -> u.location).containsExactlyInAnyOrder("W2", ALL_LOCATIONS);
        assertThat(updateFor(effects, "W2").available).isEqualTo(4);
        assertThat(h.hold("o1").holds).containsExactly(new Allocation("W2", 4));
    }

    @Test
    void takesTheWholeLineAtTheLocationWithMostAvailableEvenWhenAnotherHasMoreOnHand() {
        LedgerHarness h = new LedgerHarness();
        h.receive("W1", 10);
        h.receive("W2", 7);
        h.reserve("o0", 5); // W1 now has 5 available, W2 7

        h.reserve("o1", 6);

        assertThat(h.hold("o1").holds).containsExactly(new Allocation("W2", 6));
    }

    @Test
    void aTieGoesToTheSmallerLocationId() {
        LedgerHarness h = new LedgerHarness();
        h.receive("W2", 6);
        h.receive("W1", 6);

        h.reserve("o1", 4);

        assertThat(h.hold("o1").holds).containsExactly(new Allocation("W1", 4));
    }

    @Test
    void splitsTheLineOverLocationsByMostAvailableWhenNoSingleLocationCanTakeIt() {
        LedgerHarness h = threeLocations();

        LedgerEffects effects = h.reserve("o1", 15);

        assertThat(effects.line.allocations)
                .containsExactly(new Allocation("W2", 8), new Allocation("W1", 5), new Allocation("W3", 2));
        assertThat(effects.line.backordered).isZero();
        assertThat(effects.line.reason).isNull();
        assertThat(effects.alerts).isEmpty();
        assertThat(h.reserved("W2")).isEqualTo(8);
        assertThat(h.reserved("W1")).isEqualTo(5);
        assertThat(h.reserved("W3")).isEqualTo(2);
        assertThat(h.total().reserved).isEqualTo(15);
        assertThat(h.total().available()).isEqualTo(1);
    }

    @Test
    void leavesTheSafetyStockOfEveryLocationUnreserved() {
        LedgerHarness h = new LedgerHarness(LedgerHarness.policy(0, 2));
        h.receive("W1", 5);
        h.receive("W2", 4);

        LedgerEffects effects = h.reserve("o1", 6);

        assertThat(effects.line.allocations).containsExactly(new Allocation("W1", 3), new Allocation("W2", 2));
        assertThat(effects.line.backordered).isEqualTo(1);
        assertThat(h.available("W1")).isZero();
        assertThat(h.available("W2")).isZero();
    }

    @Test
    void backordersWhatNoLocationHasAndRaisesAnOversellAlert() {
        LedgerHarness h = new LedgerHarness();
        h.receive("W1", 3);
        h.receive("W2", 2);
        LedgerCommand command = h.reserveCommand("o1", 7);

        LedgerEffects effects = h.apply(command);

        assertThat(effects.line.allocations).containsExactly(new Allocation("W1", 3), new Allocation("W2", 2));
        assertThat(effects.line.backordered).isEqualTo(2);
        assertThat(effects.line.reason).isEqualTo("2 of " + SKU + " could not be reserved: no location had the stock");
        assertThat(h.hold("o1").backordered).isEqualTo(2);
        assertThat(h.total().reserved).isEqualTo(5);

        List<Alert> oversell = alertsOfType(effects, "OVERSELL");
        assertThat(oversell).hasSize(1);
        Alert alert = oversell.get(0);
        assertThat(alert.alertId)
                .isEqualTo(AlertIds.of("OVERSELL", "o1", SKU, command.eventId))
                .startsWith("oversell-");
        assertThat(alert.severity).isEqualTo(Severity.CRITICAL);
        assertThat(alert.orderId).isEqualTo("o1");
        assertThat(alert.sku).isEqualTo(SKU);
        assertThat(alert.channel).isEqualTo(CHANNEL);
        assertThat(alert.location).isNull();
        assertThat(alert.eventTime).isEqualTo(command.eventTime);
        assertThat(alert.detectedAt).isEqualTo(DETECTED_AT);
        assertThat(alert.observed).isEqualTo(7.0);
        assertThat(alert.expected).isEqualTo(5.0);
        assertThat(alert.message)
                .contains("o1", SKU, "asked for 7", "only 5 could be reserved", "2 units are oversold");
        assertThat(alert.evidenceJson)
                .contains(
                        "\"requested\":7",
                        "\"backordered\":2",
                        "\"available_after\":0",
                        "\"event_id\":\"" + command.eventId + "\"");
    }

    @Test
    void theOversellAlertIdIsTheSameForTheSameEventAndDiffersForAnother() {
        LedgerCommand first = shortReserve("evt-1");
        LedgerCommand sameAgain = shortReserve("evt-1");
        LedgerCommand other = shortReserve("evt-2");

        String id1 = oversellIdOf(first);
        String id2 = oversellIdOf(sameAgain);
        String id3 = oversellIdOf(other);

        assertThat(id1).isEqualTo(id2);
        assertThat(id3).isNotEqualTo(id1);
    }

    private static LedgerCommand shortReserve(String eventId) {
        LedgerCommand c =
                LedgerCommand.forOrder(LedgerCommand.Kind.RESERVE, eventId, "o1", CHANNEL, SKU, 9, LedgerHarness.T0);
        c.decision = true;
        c.lineCount = 2;
        return c;
    }

    private static String oversellIdOf(LedgerCommand command) {
        LedgerHarness h = new LedgerHarness();
        h.receive("W1", 1);
        return alertsOfType(h.apply(command), "OVERSELL").get(0).alertId;
    }

    @Test
    void anUnknownSkuBackordersTheWholeLineWithAReason() {
        LedgerHarness h = new LedgerHarness();

        LedgerEffects effects = h.reserve("o1", 4);

        assertThat(effects.line.allocations).isEmpty();
        assertThat(effects.line.backordered).isEqualTo(4);
        assertThat(effects.line.reason).isEqualTo("sku " + SKU + " has no stock record at any location");
        assertThat(effects.availability).isEmpty();
        assertThat(alertsOfType(effects, "OVERSELL"))
                .singleElement()
                .satisfies(a -> assertThat(a.message).contains("o1", SKU, "asked for 4", "only 0"));
        OrderHold hold = h.hold("o1");
        assertThat(hold.placed).isTrue();
        assertThat(hold.ordered).isEqualTo(4);
        assertThat(hold.backordered).isEqualTo(4);
        assertThat(hold.holds).isEmpty();
        assertThat(h.total()).isNull();
    }

    @Test
    void aKnownSkuWithNothingLeftBackordersWithTheNoStockReason() {
        LedgerHarness h = new LedgerHarness();
        h.receive("W1", 2);
        h.move("W1", MovementType.DAMAGED, 2);

        LedgerEffects effects = h.reserve("o1", 3);

        assertThat(effects.line.allocations).isEmpty();
        assertThat(effects.line.backordered).isEqualTo(3);
        assertThat(effects.line.reason).isEqualTo("3 of " + SKU + " could not be reserved: no location had the stock");
    }

    @Test
    void neverReservesMoreThanIsAvailable() {
        LedgerHarness h = new LedgerHarness();
        h.receive("W1", 3);
        h.reserve("o1", 2);

        LedgerEffects effects = h.reserve("o2", 5);

        assertThat(effects.line.allocations).containsExactly(new Allocation("W1", 1));
        assertThat(effects.line.backordered).isEqualTo(4);
        assertThat(h.reserved("W1")).isEqualTo(3);
        assertThat(h.available("W1")).isZero();

        LedgerEffects nothingLeft = h.reserve("o3", 1);
        assertThat(nothingLeft.line.allocations).isEmpty();
        assertThat(nothingLeft.line.backordered).isEqualTo(1);
        assertThat(h.reserved("W1")).isEqualTo(3);
    }

    @Test
    void neverReservesAtALocationWithNegativeOnHand() {
        LedgerHarness h = new LedgerHarness();
        h.move("W1", MovementType.ADJUSTMENT, -3);
        h.receive("W2", 2);

        LedgerEffects effects = h.reserve("o1", 3);

        assertThat(effects.line.allocations).containsExactly(new Allocation("W2", 2));
        assertThat(effects.line.backordered).isEqualTo(1);
        assertThat(h.reserved("W1")).isZero();
    }

    @Test
    void theLineNamesTheOrderTheEventAndTheRequest() {
        LedgerHarness h = new LedgerHarness();
        h.receive("W1", 10);
        LedgerCommand command = h.reserveCommand("shopify:1001", 4);
        command.lineCount = 3;

        LineAllocation line = h.apply(command).line;

        assertThat(line.orderId).isEqualTo("shopify:1001");
        assertThat(line.eventId).isEqualTo(command.eventId);
        assertThat(line.channel).isEqualTo(CHANNEL);
        assertThat(line.sku).isEqualTo(SKU);
        assertThat(line.lineCount).isEqualTo(3);
        assertThat(line.requested).isEqualTo(4);
        assertThat(line.eventTime).isEqualTo(command.eventTime);
        assertThat(line.allocations).containsExactly(new Allocation("W1", 4));
        assertThat(line.backordered).isZero();
        assertThat(line.reason).isNull();
    }

    @Test
    void aReserveThatIsNotPartOfADecisionReservesWithoutALine() {
        LedgerHarness h = new LedgerHarness();
        h.receive("W1", 10);
        LedgerCommand command = h.reserveCommand("o1", 4);
        command.decision = false;

        LedgerEffects effects = h.apply(command);

        assertThat(effects.line).isNull();
        assertThat(h.reserved("W1")).isEqualTo(4);
    }

    @Test
    void reservingTheSameQuantityAgainChangesNothing() {
        LedgerHarness h = threeLocations();
        h.reserve("o1", 10);
        String before = h.levels();
        long version = h.version(ALL_LOCATIONS);

        LedgerEffects again = h.reserve("o1", 10);

        assertThat(again.availability).isEmpty();
        assertThat(again.alerts).isEmpty();
        assertThat(again.line.allocations).containsExactly(new Allocation("W2", 8), new Allocation("W1", 2));
        assertThat(again.line.backordered).isZero();
        assertThat(h.levels()).isEqualTo(before);
        assertThat(h.version(ALL_LOCATIONS)).isEqualTo(version);
    }

    @Test
    void theSameReserveDeliveredTwiceChangesNothing() {
        LedgerHarness h = new LedgerHarness();
        h.receive("W1", 10);
        LedgerCommand command = h.reserveCommand("o1", 4);
        h.apply(command);

        LedgerEffects repeated = h.apply(command);

        assertThat(repeated.availability).isEmpty();
        assertThat(h.reserved("W1")).isEqualTo(4);
    }

    @Test
    void aLargerQuantityReservesOnlyTheDifference() {
        LedgerHarness h = new LedgerHarness();
        h.receive("W1", 10);
        h.reserve("o1", 4);

        LedgerEffects effects = h.reserve("o1", 6);

        assertThat(h.reserved("W1")).isEqualTo(6);
        assertThat(h.hold("o1").holds).containsExactly(new Allocation("W1", 6));
        assertThat(h.hold("o1").ordered).isEqualTo(6);
        assertThat(updateFor(effects, "W1").reserved).isEqualTo(6);
        assertThat(updateFor(effects, "W1").version).isEqualTo(3);
        assertThat(effects.line.allocations).containsExactly(new Allocation("W1", 6));
    }

    @Test
    void aLargerQuantityPlacesTheDifferenceWhereTheStockNowIs() {
        LedgerHarness h = new LedgerHarness();
        h.receive("W1", 5);
        h.receive("W2", 3);
        h.reserve("o1", 4); // W1
        h.reserve("o1", 7); // 1 more left at W1, 3 at W2: the 3 go whole to W2

        assertThat(h.hold("o1").holds).containsExactly(new Allocation("W1", 4), new Allocation("W2", 3));
        assertThat(h.total().reserved).isEqualTo(7);
    }

    @Test
    void aSmallerQuantityReleasesTheSurplus() {
        LedgerHarness h = new LedgerHarness();
        h.receive("W1", 10);
        h.reserve("o1", 6);

        LedgerEffects effects = h.reserve("o1", 2);

        assertThat(h.reserved("W1")).isEqualTo(2);
        assertThat(h.available("W1")).isEqualTo(8);
        assertThat(h.hold("o1").ordered).isEqualTo(2);
        assertThat(effects.line.allocations).containsExactly(new Allocation("W1", 2));
        assertThat(effects.alerts).isEmpty();
    }

    @Test
    void aSmallerQuantityReleasesTheNewestHoldFirst() {
        LedgerHarness h = threeLocations();
        h.reserve("o1", 13); // 8@W2, 5@W1

        h.reserve("o1", 9);

        assertThat(h.hold("o1").holds).containsExactly(new Allocation("W2", 8), new Allocation("W1", 1));
        assertThat(h.reserved("W1")).isEqualTo(1);
        assertThat(h.reserved("W2")).isEqualTo(8);
    }

    @Test
    void reservingZeroReleasesEverything() {
        LedgerHarness h = threeLocations();
        h.reserve("o1", 13);

        h.reserve("o1", 0);

        assertThat(h.total().reserved).isZero();
        assertThat(h.hold("o1").holds).isEmpty();
    }

    @Test
    void aSmallerQuantityOfABackorderedOrderClearsTheBackorder() {
        LedgerHarness h = new LedgerHarness();
        h.receive("W1", 3);
        h.reserve("o1", 5);

        LedgerEffects effects = h.reserve("o1", 3);

        assertThat(effects.line.backordered).isZero();
        assertThat(effects.line.reason).isNull();
        assertThat(effects.alerts).isEmpty();
        assertThat(h.hold("o1").backordered).isZero();
        assertThat(h.reserved("W1")).isEqualTo(3);
    }

    @Test
    void reservingAgainAfterStockArrivedFillsTheBackorder() {
        LedgerHarness h = new LedgerHarness();
        h.receive("W1", 2);
        h.reserve("o1", 5);
        h.receive("W2", 10);

        LedgerEffects effects = h.reserve("o1", 5);

        assertThat(effects.line.allocations).containsExactly(new Allocation("W1", 2), new Allocation("W2", 3));
        assertThat(effects.line.backordered).isZero();
        assertThat(effects.alerts).isEmpty();
        assertThat(h.hold("o1").backordered).isZero();
    }

    @Test
    void reservingAgainAfterAPartialShipmentReservesOnlyWhatIsStillOwed() {
        LedgerHarness h = new LedgerHarness();
        h.receive("W1", 10);
        h.reserve("o1", 5);
        h.ship("o1", "W1", 2);

        LedgerEffects effects = h.reserve("o1", 5);

        assertThat(effects.availability).isEmpty();
        assertThat(h.reserved("W1")).isEqualTo(3);
        assertThat(h.onHand("W1")).isEqualTo(8);
    }

    @Test
    void ordersReserveIndependentlyOfEachOther() {
        LedgerHarness h = new LedgerHarness();
        h.receive("W1", 10);
        h.reserve("o1", 4);
        h.reserve("o2", 3);

        h.reserve("o1", 1);

        assertThat(h.hold("o1").held()).isEqualTo(1);
        assertThat(h.hold("o2").held()).isEqualTo(3);
        assertThat(h.reserved("W1")).isEqualTo(4);
    }

    @Test
    void unitsARuleSetRefusesWhileStockIsThereAreBackorderedWithTheReasonButNotOversold() {
        LedgerHarness h = new LedgerHarness();
        h.receive("W1", 3);
        h.receive("W2", 4);
        h.receive("W3", 1);
        LedgerCommand command = h.reserveCommand("o1", 6);
        command.route = route(1, false, "W1", "W2");

        LedgerEffects effects = h.apply(command);

        assertThat(effects.line.allocations).isEmpty();
        assertThat(effects.line.backordered).isEqualTo(6);
        assertThat(effects.line.reason)
                .isEqualTo("6 of " + SKU + " were not reserved: the rule set's locations, split"
                        + " or backorder policy did not allow the 8 available");
        assertThat(alertsOfType(effects, "OVERSELL")).isEmpty();
    }

    @Test
    void aRoutedLineIsOversoldOnlyByWhatNoLocationHad() {
        LedgerHarness h = new LedgerHarness();
        h.receive("W1", 2);
        h.receive("W3", 3);
        LedgerCommand command = h.reserveCommand("o1", 9);
        command.route = route(2, true, "W1");

        LedgerEffects effects = h.apply(command);

        assertThat(effects.line.allocations).containsExactly(new Allocation("W1", 2));
        assertThat(effects.line.backordered).isEqualTo(7);
        assertThat(alertsOfType(effects, "OVERSELL"))
                .singleElement()
                .satisfies(a -> assertThat(a.expected).isEqualTo(5.0)); // 9 asked, 4 oversold: 3 were at W3
    }

    private static RoutePlan route(int maxShipments, boolean backorder, String... ranked) {
        RoutePlan plan = new RoutePlan();
        plan.ruleSetVersion = "v1";
        plan.candidates.addAll(List.of(ranked));
        plan.maxShipments = maxShipments;
        plan.allowBackorder = backorder;
        return plan;
    }
}
