package io.stockflow.flink.ledger;

import io.stockflow.alert.Alert;
import io.stockflow.flink.time.DecisionClock;
import io.stockflow.ledger.OversellEpisode;
import io.stockflow.ledger.OversellEpisodes;
import io.stockflow.ledger.StockSignal;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by SKU, downstream of the ledger: its {@code OVERSELL} alerts (one per order line) and its availability over
 * all locations become one {@link OversellEpisode} per SKU, driven by {@link OversellEpisodes}: raised on the first
 * oversold line, updated as lines and units add up, resolved when availability is above 0 again. State is one small
 * record per SKU that was ever oversold.
 */
public final class OversellEpisodeFunction extends KeyedProcessFunction<String, StockSignal, Alert> {
    private final OversellEpisodes episodes;
    private final DecisionClock clock;
    private transient ValueState<OversellEpisode> episode;
    private transient Counter folded;

    public OversellEpisodeFunction(OversellEpisodes episodes, DecisionClock clock) {
        this.episodes = episodes;
        this.clock = clock;
    }

    @Override
    public void open(OpenContext context) {
        episode = getRuntimeContext()
                .getState(new ValueStateDescriptor<>("oversell-episode", TypeInformation.of(OversellEpisode.class)));
        folded = getRuntimeContext().getMetricGroup().counter("oversoldLinesFolded");
    }

    @Override
    public void processElement(StockSignal s, Context ctx, Collector<Alert> out) throws Exception {
        OversellEpisode before = episode.value();
        long now = clock.now(s.eventTime);
        OversellEpisodes.Step step = s.oversell ? episodes.line(before, s, now) : episodes.availability(before, s, now);
        if (step.alert() != null) {
            out.collect(step.alert());
        } else if (s.oversell) {
            folded.inc();
        }
        if (step.episode() != null && (before != null || s.oversell)) episode.update(step.episode());
    }
}
