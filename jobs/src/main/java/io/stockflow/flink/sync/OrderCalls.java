package io.stockflow.flink.sync;

import io.stockflow.channels.Cancellation;
import io.stockflow.channels.ChannelClient;
import io.stockflow.channels.ChannelClients;
import io.stockflow.channels.ChannelSettings;
import io.stockflow.channels.Shipment;
import io.stockflow.channels.ShipmentOutcome;
import io.stockflow.listing.Channel;
import io.stockflow.model.OrderLine;
import io.stockflow.shipments.OrderAction;
import io.stockflow.shipments.ShipmentSyncRecord;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;

/**
 * Sends shipment confirmations and cancellations through the channel clients, from Flink's asynchronous I/O operator:
 * each call returns at once and completes on its channel client's threads, so a slow marketplace holds up neither the
 * others, nor the task thread, nor checkpoints. The operator checkpoints the calls still waiting and makes them again
 * after a restore; the clients read the order back first, so a call that reached the marketplace before the restart
 * is found there instead of being made twice. Every call becomes one {@code channel.shipments} record.
 */
public final class OrderCalls extends RichAsyncFunction<OrderAction, ShipmentSyncRecord> {
    private final ChannelConnections connections;

    private transient Map<Channel, ChannelClient> clients;

    public OrderCalls(ChannelConnections connections) {
        this.connections = connections;
    }

    @Override
    public void open(OpenContext context) {
        clients = new EnumMap<>(Channel.class);
        // Like the stock pushes, the tasks share the channel's rate; order calls have a share of their own.
        int tasks = getRuntimeContext().getTaskInfo().getNumberOfParallelSubtasks();
        for (Map.Entry<Channel, ChannelSettings> e : connections.settings().entrySet()) {
            clients.put(e.getKey(), ChannelClients.create(e.getValue().sharedBy(tasks), Clock.systemUTC()));
        }
    }

    @Override
    public void asyncInvoke(OrderAction action, ResultFuture<ShipmentSyncRecord> result) {
        ChannelClient client = clients.get(Channel.of(action.channel));
        long start = System.currentTimeMillis();
        if (client == null) {
            result.complete(List.of(failed(
                    action,
                    start,
                    "no client for " + action.channel + ": channels." + action.channel + ".base-url is not set")));
            return;
        }
        CompletableFuture<ShipmentOutcome> call = action.isShipment()
                ? client.confirmShipment(shipment(action))
                : client.cancelOrder(new Cancellation(action.marketplaceOrderId, reason(action)));
        call.whenComplete((outcome, error) -> {
            ShipmentSyncRecord r = record(action, start);
            if (error != null) {
                r.status = "FAILED";
                r.reason = "client failure: " + error.getClass().getSimpleName();
            } else {
                r.status = outcome.status().name();
                r.reason = outcome.reason();
                r.attempts = outcome.attempts();
                r.foundOnChannel = outcome.foundOnChannel();
            }
            r.latencyMs = System.currentTimeMillis() - start;
            result.complete(List.of(r));
        });
    }

    @Override
    public void timeout(OrderAction action, ResultFuture<ShipmentSyncRecord> result) {
        result.complete(
                List.of(failed(action, System.currentTimeMillis(), "no answer within the sync's call timeout")));
    }

    static Shipment shipment(OrderAction a) {
        return new Shipment(
                a.marketplaceOrderId,
                a.shipmentId,
                a.carrier,
                a.trackingCode,
                null,
                Instant.ofEpochMilli(a.at),
                a.lines.stream()
                        .map(l -> new Shipment.Line(l.sku, (int) l.quantity))
                        .toList());
    }

    private static String reason(OrderAction a) {
        return "stockflow rejected the order" + (a.reason == null ? "" : ": " + a.reason);
    }

    private static ShipmentSyncRecord record(OrderAction a, long sentAt) {
        ShipmentSyncRecord r = new ShipmentSyncRecord();
        r.action = a.kind;
        r.orderId = a.orderId;
        r.channel = a.channel;
        r.marketplaceOrderId = a.marketplaceOrderId;
        r.shipmentId = a.shipmentId;
        r.carrier = a.carrier;
        r.trackingCode = a.trackingCode;
        r.units = a.lines.stream().mapToLong((OrderLine l) -> l.quantity).sum();
        r.cancelReason = a.isShipment() ? null : reason(a);
        r.sentAt = sentAt;
        return r;
    }

    private static ShipmentSyncRecord failed(OrderAction a, long at, String reason) {
        ShipmentSyncRecord r = record(a, at);
        r.status = "FAILED";
        r.reason = reason;
        return r;
    }

    @Override
    public void close() {
        if (clients != null) clients.values().forEach(ChannelClient::close);
    }
}
