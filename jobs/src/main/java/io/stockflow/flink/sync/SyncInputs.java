package io.stockflow.flink.sync;

import io.stockflow.flink.io.RawRecord;
import io.stockflow.ledger.AvailabilityUpdate;
import java.util.Objects;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * What the sync topology reads.
 *
 * @param availability the ledger's levels ({@code inventory.availability}), as the inventory job wrote them: per SKU
 *     and location, and in the whole network ({@code "*"})
 * @param listings listing-map documents as they were published on {@code channel.listings}: reading them and
 *     refusing an invalid one is the job's own work
 */
public record SyncInputs(DataStream<AvailabilityUpdate> availability, DataStream<RawRecord> listings) {
    public SyncInputs {
        Objects.requireNonNull(availability, "availability");
        Objects.requireNonNull(listings, "listings");
    }
}
