package io.stockflow.flink.anomalies;

import io.stockflow.anomaly.RhythmSeries;
import io.stockflow.model.Movement;
import io.stockflow.model.MovementType;
import io.stockflow.model.OrderEvent;
import io.stockflow.model.OrderEventType;
import io.stockflow.model.OrderLine;
import org.apache.flink.util.Collector;

/** One counted event of a series (a SKU's order line or refund, a channel's order), before binning. */
public class CountSample {
    public String kind;
    public String subject;
    public long units;
    public long eventTime;

    public CountSample() {}

    public CountSample(String kind, String subject, long units, long eventTime) {
        this.kind = kind;
        this.subject = subject;
        this.units = units;
        this.eventTime = eventTime;
    }

    public String seriesKey() {
        return RhythmSeries.key(kind, subject);
    }

    /** A placed order counts once for its channel and once per line for each SKU; a refund once per refunded line. */
    public static void of(OrderEvent e, Collector<CountSample> out) {
        if (e.type == OrderEventType.PLACED) {
            out.collect(new CountSample(RhythmSeries.CHANNEL, e.channel, 1, e.eventTime));
            for (OrderLine line : e.lines) {
                out.collect(new CountSample(RhythmSeries.DEMAND, line.sku, line.quantity, e.eventTime));
            }
        } else if (e.type == OrderEventType.REFUNDED) {
            for (OrderLine line : e.lines) {
                out.collect(new CountSample(RhythmSeries.REFUNDS, line.sku, line.quantity, e.eventTime));
            }
        }
    }

    /** A warehouse's return to stock is a return of the SKU, whether or not a marketplace refund says so. */
    public static void of(Movement m, Collector<CountSample> out) {
        if (m.type == MovementType.RETURN_RESTOCK) {
            out.collect(new CountSample(RhythmSeries.REFUNDS, m.sku, m.quantity, m.occurredAt));
        }
    }
}
