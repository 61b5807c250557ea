package io.stockflow.flink.sync;

import io.stockflow.alert.Alert;
import io.stockflow.ledger.AvailabilityUpdate;
import io.stockflow.listing.ChannelSyncRecord;
import io.stockflow.model.DeadLetter;
import io.stockflow.shipments.ShipmentSyncRecord;
import java.util.Optional;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * What the sync topology produces, as domain records.
 *
 * @param pushes every push to a channel and what became of it ({@code channel.sync})
 * @param alerts {@code CHANNEL_SYNC_FAILED}, {@code LISTING_MAP_REJECTED}, {@code SHIPMENT_CONFIRM_FAILED},
 *     {@code ORDER_CANCEL_FAILED} ({@code alerts})
 * @param deadLetters refused listing maps, unreadable warehouse events ({@code deadletter})
 * @param unlisted availability of SKUs the listing map does not list: sent to no channel (written to no topic; the
 *     {@code skusWithoutListing} metric counts them)
 * @param shipments every shipment confirmation and cancellation sent to a marketplace and what became of it
 *     ({@code channel.shipments}); empty when the inputs had none
 */
public record SyncOutputs(
        DataStream<ChannelSyncRecord> pushes,
        DataStream<Alert> alerts,
        DataStream<DeadLetter> deadLetters,
        DataStream<AvailabilityUpdate> unlisted,
        Optional<DataStream<ShipmentSyncRecord>> shipments) {}
