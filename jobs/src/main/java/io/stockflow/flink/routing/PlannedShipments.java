package io.stockflow.flink.routing;

import io.stockflow.routing.CapacityLevel;
import io.stockflow.routing.Stock;
import java.time.LocalDate;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;

/**
 * The {@link Stock} the order router evaluates with: shipments planned per location and local day, as the latest
 * {@code routing.capacity} levels in its broadcast state say. Units are not known before the SKU ledgers.
 */
final class PlannedShipments implements Stock {
    private final ReadOnlyBroadcastState<String, Long> planned;

    PlannedShipments(ReadOnlyBroadcastState<String, Long> planned) {
        this.planned = planned;
    }

    @Override
    public long available(String location, String sku) {
        return 0;
    }

    @Override
    public long shipmentsPlanned(String location, LocalDate day) {
        try {
            Long shipments = planned.get(CapacityLevel.key(location, day.toEpochDay()));
            return shipments == null ? 0 : shipments;
        } catch (Exception e) {
            throw new IllegalStateException("reading planned shipments of " + location + " failed", e);
        }
    }
}
