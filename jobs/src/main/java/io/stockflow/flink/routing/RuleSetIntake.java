package io.stockflow.flink.routing;

import io.stockflow.alert.Alert;
import io.stockflow.flink.io.RawRecord;
import io.stockflow.flink.io.Topics;
import io.stockflow.flink.time.DecisionClock;
import io.stockflow.json.InvalidRecordException;
import io.stockflow.model.DeadLetter;
import io.stockflow.routing.RuleSet;
import io.stockflow.routing.RuleSetAlerts;
import io.stockflow.routing.RuleSetHistory;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Reads the {@code routing.rules} topic (keyed by one constant, so one task sees every version in order): validates
 * each document against the published schema and the semantic checks, then against the versions already accepted
 * (a reused version id with other content, or an {@code effective_from} not after the latest, is refused). Accepted
 * documents go on as canonical JSON; a refused one goes to {@code deadletter} with the reason and raises
 * {@code RULE_SET_REJECTED}, and the version in force stays. A re-delivered identical version passes silently.
 */
public final class RuleSetIntake extends KeyedProcessFunction<String, RawRecord, String> {
    public static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("rule-set-dead-letters") {};
    public static final OutputTag<Alert> ALERTS = new OutputTag<>("rule-set-alerts") {};

    private final List<String> initial;
    private final DecisionClock clock;
    private transient ListState<String> accepted;
    private transient RuleSetHistory history;

    /** {@code initial}: the canonical documents of {@code --rules} files, already in force at start. */
    public RuleSetIntake(List<String> initial, DecisionClock clock) {
        this.initial = new ArrayList<>(initial);
        this.clock = clock;
    }

    @Override
    public void open(OpenContext context) {
        accepted = getRuntimeContext().getListState(new ListStateDescriptor<>("accepted-rule-sets", Types.STRING));
    }

    @Override
    public void processElement(RawRecord record, Context ctx, Collector<String> out) throws Exception {
        if (history == null) {
            List<String> known = new ArrayList<>(initial);
            for (String d : accepted.get()) known.add(d);
            history = RuleSetDocuments.history(known);
        }
        String version = null;
        try {
            String canonical = RuleSetDocuments.canonical(record.value);
            RuleSet ruleSet = RuleSetDocuments.parse(canonical);
            version = ruleSet.version();
            if (history.add(ruleSet) == RuleSetHistory.Added.ADDED) {
                accepted.add(canonical);
                out.collect(canonical);
            }
        } catch (InvalidRecordException e) {
            // A replay stamps the alert with the document's effective time, so it gives the same alert every time.
            long eventTime = effectiveFrom(record);
            String inForce = history.latest().map(RuleSet::version).orElse(null);
            ctx.output(
                    DEAD_LETTERS,
                    new DeadLetter(Topics.ROUTING_RULES, e.getMessage(), record.text(), record.receivedAt));
            ctx.output(
                    ALERTS,
                    RuleSetAlerts.rejected(
                            version != null ? version : versionOf(record),
                            record.value,
                            e.getMessage(),
                            inForce,
                            eventTime,
                            clock.now(eventTime)));
        }
    }

    /** The effective time a refused document claims, else 0. */
    private static long effectiveFrom(RawRecord record) {
        try {
            Long time = io.stockflow.json.JsonFields.parse(record.value).optTime("effective_from");
            return time == null ? 0 : time;
        } catch (InvalidRecordException | RuntimeException e) {
            return 0;
        }
    }

    /** The version a refused document claims, when it can be read at all. */
    private static String versionOf(RawRecord record) {
        try {
            return io.stockflow.json.JsonFields.parse(record.value).optText("version");
        } catch (InvalidRecordException | RuntimeException e) {
            return null;
        }
    }
}
