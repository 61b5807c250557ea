package io.stockflow.flink.job;

import io.stockflow.alert.EpisodePacing;
import java.io.Serializable;
import org.apache.flink.configuration.ReadableConfig;

/** Whether alerts that share a cause are grouped into episodes, and how often an episode's update is sent. */
public final class AlertGrouping implements Serializable {
    private static final long serialVersionUID = 1L;
    public static final AlertGrouping DEFAULTS = new AlertGrouping(true, EpisodePacing.DEFAULTS);
    public static final AlertGrouping OFF = new AlertGrouping(false, EpisodePacing.DEFAULTS);

    public final boolean enabled;
    public final EpisodePacing pacing;

    public AlertGrouping(boolean enabled, EpisodePacing pacing) {
        this.enabled = enabled;
        this.pacing = pacing;
    }

    public static AlertGrouping from(ReadableConfig config) {
        return new AlertGrouping(
                config.get(StockflowOptions.ALERT_GROUPING),
                new EpisodePacing(
                        config.get(StockflowOptions.ALERT_UPDATE_GROWTH),
                        config.get(StockflowOptions.ALERT_UPDATE_INTERVAL)));
    }
}
