package io.stockflow.flink.lifecycle;

import io.stockflow.flink.job.AlertGrouping;
import io.stockflow.flink.job.StockflowOptions;
import io.stockflow.flink.time.ReplayHorizon;
import io.stockflow.ingest.IngestLimits;
import io.stockflow.lifecycle.SlaPolicy;
import io.stockflow.lifecycle.SlaPolicyReader;
import io.stockflow.notify.NotificationTemplates;
import io.stockflow.notify.NotificationTemplatesReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.apache.flink.configuration.ReadableConfig;

/**
 * The lifecycle job's settings: the SLA policy and templates (from files or the built-in defaults), and time; read from
 * the keys of {@link StockflowOptions}. A new instance holds their defaults.
 */
public final class LifecycleSettings implements Serializable {
    private static final long serialVersionUID = 1L;
    public static final String DEFAULT_POLICY = "/lifecycle/sla-policy.json";
    public static final String DEFAULT_TEMPLATES = "/lifecycle/notification-templates.json";

    public boolean replay;
    public ReplayHorizon horizon = ReplayHorizon.LIVE;
    public SlaPolicy policy = defaultPolicy();
    public NotificationTemplates templates = defaultTemplates();
    public IngestLimits limits = IngestLimits.DEFAULTS;
    public Duration outOfOrderness = StockflowOptions.OUT_OF_ORDERNESS.defaultValue();
    public Duration idleness = StockflowOptions.IDLENESS.defaultValue();
    /** Alerts that share a cause: grouped into episodes, and how often an episode is updated. */
    public AlertGrouping grouping = AlertGrouping.DEFAULTS;
    /** Inputs an earlier job of the same graph already reads and dead-letters: their bad records are not repeated. */
    public Set<String> deadLetteredElsewhere = new HashSet<>();

    /** The settings a configuration holds; reads the policy and template files it names. */
    public static LifecycleSettings from(ReadableConfig config) {
        LifecycleSettings s = new LifecycleSettings();
        config.getOptional(StockflowOptions.SLA_POLICY).ifPresent(file -> s.policy = policy(Path.of(file)));
        config.getOptional(StockflowOptions.NOTIFICATION_TEMPLATES)
                .ifPresent(file -> s.templates = templates(Path.of(file)));
        s.limits = StockflowOptions.ingestLimits(config);
        s.outOfOrderness = config.get(StockflowOptions.OUT_OF_ORDERNESS);
        s.idleness = config.get(StockflowOptions.IDLENESS);
        s.grouping = AlertGrouping.from(config);
        return s;
    }

    public static SlaPolicy defaultPolicy() {
        return SlaPolicyReader.read(resource(DEFAULT_POLICY));
    }

    public static NotificationTemplates defaultTemplates() {
        return NotificationTemplatesReader.read(resource(DEFAULT_TEMPLATES));
    }

    /** Reads a policy file; a bad file stops the launch with the file name and the field in error. */
    public static SlaPolicy policy(Path file) {
        try {
            return SlaPolicyReader.read(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read SLA policy " + file + ": " + why(e));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("SLA policy " + file + ": " + e.getMessage());
        }
    }

    public static NotificationTemplates templates(Path file) {
        try {
            return NotificationTemplatesReader.read(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read notification templates " + file + ": " + why(e));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("notification templates " + file + ": " + e.getMessage());
        }
    }

    private static String why(IOException e) {
        return e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.toString();
    }

    private static byte[] resource(String name) {
        try (InputStream in = LifecycleSettings.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing built-in resource " + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
