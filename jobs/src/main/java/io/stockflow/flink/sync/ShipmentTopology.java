package io.stockflow.flink.sync;

import io.stockflow.alert.Alert;
import io.stockflow.flink.ingest.ParseRecords;
import io.stockflow.flink.io.Topics;
import io.stockflow.ingest.FulfilmentParser;
import io.stockflow.model.DeadLetter;
import io.stockflow.model.FulfilmentEvent;
import io.stockflow.model.FulfilmentType;
import io.stockflow.model.OrderEvent;
import io.stockflow.shipments.OrderAction;
import io.stockflow.shipments.ShipmentSyncAlerts;
import io.stockflow.shipments.ShipmentSyncRecord;
import java.util.ArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.util.Collector;

/**
 * The shipment half of the sync topology: warehouse SHIPPED events and REJECTED decisions, joined per order with the
 * order's channel and id there, handed on once each, and sent through the channel clients on Flink's asynchronous
 * I/O, unordered, with a bounded number waiting and a timeout.
 */
final class ShipmentTopology {
    private ShipmentTopology() {}

    /**
     * The records of {@code channel.shipments}, the alerts of failed calls and the unreadable warehouse events (null
     * when another job of the graph dead-letters them).
     */
    record Outputs(
            DataStream<ShipmentSyncRecord> records, DataStream<Alert> alerts, DataStream<DeadLetter> deadLetters) {}

    static Outputs build(ShipmentInputs in, SyncSettings settings) {
        SingleOutputStreamOperator<FulfilmentEvent> fulfilments = ParseRecords.parse(
                in.fulfilments(),
                Topics.FULFILMENT,
                () -> new FulfilmentParser(settings.limits)::parse,
                FulfilmentEvent.class,
                "sync-parse-" + Topics.FULFILMENT);
        DataStream<OrderAction> shipped = fulfilments
                .flatMap(ShipmentTopology::shipment, TypeInformation.of(OrderAction.class))
                .name("sync: shipments")
                .uid("sync-shipped-events");
        DataStream<OrderAction> orders = in.orders()
                .map(ShipmentTopology::order, TypeInformation.of(OrderAction.class))
                .name("sync: order channels")
                .uid("sync-order-channels");
        DataStream<OrderAction> rejected = in.decisions()
                .filter(a -> OrderAction.CANCEL_ORDER.equals(a.kind))
                .name("sync: rejected orders")
                .uid("sync-rejected-orders");

        DataStream<OrderAction> actions = orders.union(shipped, rejected);
        if (in.answers().isPresent()) {
            actions = actions.union(in.answers()
                    .get()
                    .flatMap(ShipmentTopology::failedCall, TypeInformation.of(OrderAction.class))
                    .name("sync: failed order calls read back")
                    .uid("sync-failed-order-calls-read-back"));
        }
        SingleOutputStreamOperator<OrderAction> due = actions.keyBy(a -> a.orderId, Types.STRING)
                .process(
                        new OrderActions(settings.connections.configured(), settings.keepOrders, settings.retryAfter),
                        TypeInformation.of(OrderAction.class))
                .name("sync: shipments and cancellations per order")
                .uid("sync-order-actions");
        SingleOutputStreamOperator<ShipmentSyncRecord> sent = AsyncDataStream.unorderedWait(
                        due,
                        new OrderCalls(settings.connections),
                        settings.pushTimeout.toMillis(),
                        TimeUnit.MILLISECONDS,
                        settings.orderCallCapacity)
                .returns(TypeInformation.of(ShipmentSyncRecord.class))
                .name("sync: marketplace order calls")
                .uid("sync-order-calls");
        DataStream<Alert> alerts = sent.filter(ShipmentSyncRecord::failed)
                .name("sync: failed order calls")
                .uid("sync-failed-order-calls")
                .map(r -> ShipmentSyncAlerts.failed(r, r.sentAt + r.latencyMs), TypeInformation.of(Alert.class))
                .name("sync: SHIPMENT_CONFIRM_FAILED, ORDER_CANCEL_FAILED")
                .uid("sync-order-call-alerts");
        // In one graph with a job that reads the warehouse events too, that job dead-letters their bad records.
        DataStream<DeadLetter> deadLetters = settings.deadLetteredElsewhere.contains(Topics.FULFILMENT)
                ? null
                : fulfilments.getSideOutput(ParseRecords.DEAD_LETTERS);
        return new Outputs(sent, alerts, deadLetters);
    }

    private static void shipment(FulfilmentEvent f, Collector<OrderAction> out) {
        if (f.type != FulfilmentType.SHIPPED) return;
        OrderAction a = new OrderAction();
        a.kind = OrderAction.CONFIRM_SHIPMENT;
        a.orderId = f.orderId;
        a.shipmentId = f.eventId;
        a.location = f.location;
        a.carrier = f.carrier;
        a.trackingCode = f.trackingCode;
        a.at = f.occurredAt;
        a.lines = new ArrayList<>(f.lines);
        out.collect(a);
    }

    private static void failedCall(ShipmentSyncRecord r, Collector<OrderAction> out) {
        if (!r.failed()) return;
        OrderAction a = new OrderAction();
        a.kind = OrderAction.FAILED;
        a.orderId = r.orderId;
        a.shipmentId = OrderAction.CONFIRM_SHIPMENT.equals(r.action) ? r.shipmentId : null;
        out.collect(a);
    }

    private static OrderAction order(OrderEvent e) {
        OrderAction a = new OrderAction();
        a.kind = OrderAction.ORDER;
        a.orderId = e.orderId;
        a.channel = e.channel;
        a.marketplaceOrderId = e.marketplaceOrderId;
        a.at = e.eventTime;
        return a;
    }
}
