package io.stockflow.flink.sync;

import io.stockflow.alert.Alert;
import io.stockflow.flink.io.RawRecord;
import io.stockflow.flink.io.Topics;
import io.stockflow.json.InvalidRecordException;
import io.stockflow.json.JsonFields;
import io.stockflow.json.Sha256;
import io.stockflow.listing.ChannelSyncAlerts;
import io.stockflow.model.DeadLetter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Reads the {@code channel.listings} topic (keyed by one constant, so one task sees every document in order): a valid
 * map that differs from the one in force replaces it and goes on as canonical JSON, to be broadcast; an invalid one
 * goes to {@code deadletter} with the JSON paths of its problems and raises {@code LISTING_MAP_REJECTED}, and the map
 * in force stays. A re-delivered identical map passes silently.
 */
public final class ListingMapIntake extends KeyedProcessFunction<String, RawRecord, String> {
    public static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("listing-map-dead-letters") {};
    public static final OutputTag<Alert> ALERTS = new OutputTag<>("listing-map-alerts") {};

    /** The canonical document of {@code --listings}, in force at start; null without one. */
    private final String initial;

    private transient ValueState<String> inForce;

    public ListingMapIntake(String initial) {
        this.initial = initial;
    }

    @Override
    public void open(OpenContext context) {
        inForce = getRuntimeContext().getState(new ValueStateDescriptor<>("listing-map-in-force", Types.STRING));
    }

    @Override
    public void processElement(RawRecord record, Context ctx, Collector<String> out) throws Exception {
        String current = inForce.value() != null ? inForce.value() : initial;
        try {
            String canonical = ListingMapDocuments.canonical(record.value);
            if (canonical.equals(current)) return;
            inForce.update(canonical);
            out.collect(canonical);
        } catch (InvalidRecordException e) {
            ctx.output(
                    DEAD_LETTERS,
                    new DeadLetter(Topics.CHANNEL_LISTINGS, e.getMessage(), record.text(), record.receivedAt));
            String hash = Sha256.hex(record.value).substring(0, 16);
            String inForceVersion =
                    current == null ? null : ListingMapDocuments.parse(current).version();
            ctx.output(
                    ALERTS,
                    ChannelSyncAlerts.mapRejected(
                            versionOf(record), hash, e.getMessage(), inForceVersion, record.receivedAt));
        }
    }

    /** The version a refused document claims, when it can be read at all. */
    private static String versionOf(RawRecord record) {
        try {
            return JsonFields.parse(record.value).optText("version");
        } catch (InvalidRecordException | RuntimeException e) {
            return null;
        }
    }
}
