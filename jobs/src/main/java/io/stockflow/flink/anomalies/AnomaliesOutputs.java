package io.stockflow.flink.anomalies;

import io.stockflow.alert.Alert;
import io.stockflow.model.DeadLetter;
import java.util.Optional;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * What the anomalies topology produces, as domain records.
 *
 * @param alerts DEMAND_SPIKE, DEMAND_DROP, FEED_SILENT, REFUND_SPIKE, STOCKOUT_PREDICTED, LEDGER_MISMATCH,
 *     SUSPICIOUS_ORDER ({@code alerts})
 * @param deadLetters movements that do not read ({@code deadletter}); empty when another job of the graph reads and
 *     dead-letters the movements
 */
public record AnomaliesOutputs(DataStream<Alert> alerts, Optional<DataStream<DeadLetter>> deadLetters) {}
