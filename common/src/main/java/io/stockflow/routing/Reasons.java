package io.stockflow.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The one-sentence reasons of routing decisions, with the figures that explain them. */
final class Reasons {
    private Reasons() {}

    static String shipsComplete(Candidate c, Evaluation e) {
        return "ships complete from " + c.location() + " (rank " + c.rank() + " of "
                + e.ranking().size() + "), the best-ranked candidate with every line, under rule " + e.ruleId();
    }

    static String shipsCompleteLineByLine(String location, Evaluation e) {
        return "ships complete from " + location + ", the best-ranked location for each line, under rule " + e.ruleId();
    }

    /** {@code split into 2 shipments from B, C: no single location has every line (best-ranked B lacks 3 of CUP-2); …} */
    static String split(List<String> shipFrom, Evaluation e, Map<String, Long> wanted, Stock stock) {
        return "split into " + shipFrom.size() + " shipments from " + String.join(", ", shipFrom) + ": "
                + whyNotOne(e, wanted, stock) + "; rule " + e.ruleId() + " allows up to "
                + e.split().maxShipments();
    }

    static String rejected(List<PlannedUnits> shortfall, Evaluation e) {
        return "rejected: " + lacking(e, shortfall) + ", and rule " + e.ruleId() + " does not allow backorders";
    }

    static String backordered(List<String> shipFrom, List<PlannedUnits> shortfall, Evaluation e) {
        String head = shipFrom.isEmpty()
                ? "backordered in full: "
                : "partly shipped from " + String.join(", ", shipFrom) + ", " + units(shortfall) + " backordered: ";
        return head + lacking(e, shortfall);
    }

    /** Capitalized, with a full stop. */
    static String sentence(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1) + ".";
    }

    private static String whyNotOne(Evaluation e, Map<String, Long> wanted, Stock stock) {
        String best = e.ranking().get(0).location();
        List<String> lacks = new ArrayList<>();
        wanted.forEach((sku, q) -> {
            long have = stock.available(best, sku);
            if (have < q) lacks.add((q - have) + " of " + sku);
        });
        String prefix = e.split().shipCompletePreferred()
                ? "no single location has every line"
                : "rule " + e.ruleId() + " takes each line from its best-ranked location";
        return lacks.isEmpty() ? prefix : prefix + " (best-ranked " + best + " lacks " + String.join(", ", lacks) + ")";
    }

    private static String lacking(Evaluation e, List<PlannedUnits> shortfall) {
        if (e.ranking().isEmpty()) {
            String reasons =
                    e.excluded().stream().map(x -> x.location() + " " + x.why()).collect(Collectors.joining("; "));
            return "no location can ship it under rule " + e.ruleId() + (reasons.isEmpty() ? "" : " (" + reasons + ")");
        }
        int max = e.split().maxShipments();
        return units(shortfall) + " not available at the " + e.ranking().size() + " candidates within " + max
                + (max == 1 ? " shipment" : " shipments");
    }

    private static String units(List<PlannedUnits> units) {
        return units.stream().map(u -> u.quantity() + " of " + u.sku()).collect(Collectors.joining(", "));
    }
}
