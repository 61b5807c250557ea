package io.stockflow.metrics;

import java.util.Properties;
import org.apache.flink.metrics.reporter.MetricReporter;
import org.apache.flink.metrics.reporter.MetricReporterFactory;

/** {@code metrics.reporter.prom.factory.class: io.stockflow.metrics.LoopbackPrometheusReporterFactory}. */
public final class LoopbackPrometheusReporterFactory implements MetricReporterFactory {
    @Override
    public MetricReporter createMetricReporter(Properties properties) {
        return new LoopbackPrometheusReporter();
    }
}
