package io.stockflow.generate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stockflow.model.MovementType;
import java.util.SplittableRandom;

/**
 * Stock movements of {@code inventory.movements}: the initial stock at the start and the receipts of each
 * replenishment, sized from the SKU's expected demand so that best sellers get more (and sometimes still run out).
 */
final class Movements {
    private final GeneratorSettings settings;
    private final Catalog catalog;
    private long next;

    Movements(GeneratorSettings settings, Catalog catalog) {
        this.settings = settings;
        this.catalog = catalog;
    }

    /** A movement record with a new id. */
    ObjectNode movement(MovementType type, String sku, String location, long quantity, long occurredAt) {
        ObjectNode n = Formats.object();
        n.put("movement_id", prefix(type) + "-" + Formats.digits(++next, 8));
        n.put("sku", sku);
        n.put("location", location);
        n.put("type", type.name());
        n.put("quantity", quantity);
        n.put("occurred_at", Formats.instant(occurredAt));
        return n;
    }

    GeneratedRecord record(ObjectNode movement, long occurredAt, String label) {
        return new GeneratedRecord(GeneratedRecord.INVENTORY_MOVEMENTS, Formats.write(movement), occurredAt, label);
    }

    /** Units one location sells of the SKU in one replenishment interval, on average. */
    double demandPerInterval(int sku) {
        double hours = settings.replenishmentInterval.toMillis() / 3_600_000.0;
        return settings.ordersPerHour
                * hours
                * OrderFactory.MEAN_UNITS_PER_ORDER
                * catalog.share(sku)
                / settings.locations.size();
    }

    /** At least {@code initialStock}; two intervals of demand, in whole cases, for faster sellers. */
    long initialQuantity(int sku) {
        long cases = (long) Math.ceil(2 * demandPerInterval(sku) / settings.caseSize);
        return Math.max(settings.initialStock, cases * settings.caseSize);
    }

    /**
     * The units of one receipt: the interval's expected demand times the cover, in whole cases, rounded at random
     * so that slow sellers get a case now and then. Zero means no receipt.
     */
    long receiptQuantity(int sku, SplittableRandom r) {
        double cases = demandPerInterval(sku) * settings.replenishmentCover / settings.caseSize;
        long whole = (long) Math.floor(cases);
        if (r.nextDouble() < cases - whole) whole++;
        return whole * settings.caseSize;
    }

    private static String prefix(MovementType type) {
        switch (type) {
            case RECEIPT:
                return "RCV";
            case COUNT:
                return "CNT";
            case ADJUSTMENT:
                return "ADJ";
            case TRANSFER_OUT:
                return "TRO";
            case TRANSFER_IN:
                return "TRI";
            case RETURN_RESTOCK:
                return "RTN";
            default:
                return "DMG";
        }
    }
}
