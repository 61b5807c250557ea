package io.stockflow.flink.sync;

import io.stockflow.flink.io.RawRecord;
import io.stockflow.ledger.AvailabilityUpdate;
import io.stockflow.listing.ChannelSyncRecord;
import java.util.Objects;
import java.util.Optional;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * What the sync topology reads.
 *
 * @param availability the ledger's levels ({@code inventory.availability}), as the inventory job wrote them: per SKU
 *     and location, and in the whole network ({@code "*"})
 * @param listings listing-map documents as they were published on {@code channel.listings}: reading them and
 *     refusing an invalid one is the job's own work
 * @param answers the job's own {@code channel.sync} records read back (live on Kafka only): a failed push goes again;
 *     empty in bounded runs, where a failed push waits for its SKU's next change
 * @param shipments orders, decisions and warehouse events, for shipments and cancellations sent to the marketplaces;
 *     empty: the topology tells the marketplaces of no shipment
 */
public record SyncInputs(
        DataStream<AvailabilityUpdate> availability,
        DataStream<RawRecord> listings,
        Optional<DataStream<ChannelSyncRecord>> answers,
        Optional<ShipmentInputs> shipments) {
    public SyncInputs {
        Objects.requireNonNull(availability, "availability");
        Objects.requireNonNull(listings, "listings");
        Objects.requireNonNull(answers, "answers");
        Objects.requireNonNull(shipments, "shipments");
    }

    public SyncInputs(
            DataStream<AvailabilityUpdate> availability,
            DataStream<RawRecord> listings,
            Optional<DataStream<ChannelSyncRecord>> answers) {
        this(availability, listings, answers, Optional.empty());
    }

    public SyncInputs(DataStream<AvailabilityUpdate> availability, DataStream<RawRecord> listings) {
        this(availability, listings, Optional.empty(), Optional.empty());
    }
}
