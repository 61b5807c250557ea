package io.stockflow.flink.lifecycle;

import io.stockflow.alert.Alert;
import io.stockflow.model.DeadLetter;
import io.stockflow.notify.Notification;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * What the lifecycle topology produces, as domain records.
 *
 * @param alerts SHIP_SLA_AT_RISK, SHIP_SLA_BREACH, DELIVERY_SLA_BREACH, STUCK_ORDER, DELIVERY_EXCEPTION,
 *     SLA_BREACH_RATE and CARRIER_SILENT (one updated alert per carrier that never reports, in place of its orders'
 *     STUCK_ORDER and DELIVERY_SLA_BREACH, when grouping is on) ({@code alerts})
 * @param notifications what to tell each customer ({@code notifications.customer})
 * @param deadLetters warehouse and carrier records that do not read (unless another job of the graph reads and
 *     dead-letters the same topic), and carrier updates no shipment claims ({@code deadletter})
 */
public record LifecycleOutputs(
        DataStream<Alert> alerts, DataStream<Notification> notifications, DataStream<DeadLetter> deadLetters) {}
