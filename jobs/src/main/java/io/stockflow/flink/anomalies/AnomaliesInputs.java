package io.stockflow.flink.anomalies;

import io.stockflow.flink.io.RawRecord;
import io.stockflow.ledger.AvailabilityUpdate;
import io.stockflow.model.OrderEvent;
import java.util.Objects;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * What the anomalies topology reads. The inventory job's records come typed: in one graph they are that job's output,
 * and reading them back from a topic is the reverse of writing them. Stock movements come as the warehouses sent
 * them: reading them and dead-lettering what does not read is the job's own work.
 *
 * @param canonicalOrders canonical order events ({@code orders.canonical}): PLACED for demand, channels and buyers,
 *     REFUNDED for refunds
 * @param availability the ledger's levels ({@code inventory.availability}): overall for stock-outs, per location for
 *     counts
 * @param movements stock movements ({@code inventory.movements}): RETURN_RESTOCK for refunds, COUNT for the ledger
 */
public record AnomaliesInputs(
        DataStream<OrderEvent> canonicalOrders,
        DataStream<AvailabilityUpdate> availability,
        DataStream<RawRecord> movements) {
    public AnomaliesInputs {
        Objects.requireNonNull(canonicalOrders, "canonicalOrders");
        Objects.requireNonNull(availability, "availability");
        Objects.requireNonNull(movements, "movements");
    }
}
