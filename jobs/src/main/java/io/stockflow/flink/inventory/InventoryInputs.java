package io.stockflow.flink.inventory;

import io.stockflow.flink.io.RawRecord;
import io.stockflow.ledger.LineCorrection;
import io.stockflow.routing.CapacityLevel;
import java.util.Objects;
import java.util.Optional;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * What the inventory topology reads. Records from outside the project come as they were sent: reading a
 * marketplace's, a warehouse's or a rule author's document, within the job's limits, and dead-lettering it with the
 * precise reason is the job's own work. What the job wrote itself and reads back, live, comes typed.
 *
 * @param orderEnvelopes marketplace envelopes ({@code orders.raw})
 * @param movements stock movements ({@code inventory.movements})
 * @param fulfilmentEvents warehouse PICKED / PACKED / SHIPPED events ({@code fulfilment.events})
 * @param ruleSetDocuments versioned rule sets ({@code routing.rules})
 * @param capacityReadBack live only: the job's own capacity levels, back from {@code routing.capacity}
 * @param correctionsReadBack live only: the job's own hold corrections, back from {@code routing.corrections}; without
 *     them multi-line orders keep their line-by-line holds, as in a bounded run
 */
public record InventoryInputs(
        DataStream<RawRecord> orderEnvelopes,
        DataStream<RawRecord> movements,
        DataStream<RawRecord> fulfilmentEvents,
        DataStream<RawRecord> ruleSetDocuments,
        Optional<DataStream<CapacityLevel>> capacityReadBack,
        Optional<DataStream<LineCorrection>> correctionsReadBack) {
    public InventoryInputs {
        Objects.requireNonNull(orderEnvelopes, "orderEnvelopes");
        Objects.requireNonNull(movements, "movements");
        Objects.requireNonNull(fulfilmentEvents, "fulfilmentEvents");
        Objects.requireNonNull(ruleSetDocuments, "ruleSetDocuments");
        Objects.requireNonNull(capacityReadBack, "capacityReadBack");
        Objects.requireNonNull(correctionsReadBack, "correctionsReadBack");
    }

    /** The inputs of a bounded run: nothing is read back. */
    public static InventoryInputs of(
            DataStream<RawRecord> orderEnvelopes,
            DataStream<RawRecord> movements,
            DataStream<RawRecord> fulfilmentEvents,
            DataStream<RawRecord> ruleSetDocuments) {
        return new InventoryInputs(
                orderEnvelopes, movements, fulfilmentEvents, ruleSetDocuments, Optional.empty(), Optional.empty());
    }
}
