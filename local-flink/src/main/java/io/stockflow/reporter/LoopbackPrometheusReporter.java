package io.stockflow.reporter;

import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.exporter.HTTPServer;
import java.io.IOException;
import java.lang.reflect.Field;
import java.net.InetSocketAddress;
import java.util.Iterator;
import org.apache.flink.metrics.MetricConfig;
import org.apache.flink.metrics.prometheus.AbstractPrometheusReporter;
import org.apache.flink.util.NetUtils;

/**
 * Flink's Prometheus reporter (the same metric names, labels and types as {@code PrometheusReporter}) with an HTTP
 * endpoint bound to {@code host} (default 127.0.0.1) instead of every interface. Options, under
 * {@code metrics.reporter.<name>.}: {@code host}, {@code port} (a port or a range such as {@code 9249-9259}: each
 * process of a cluster takes the first free one).
 */
public final class LoopbackPrometheusReporter extends AbstractPrometheusReporter {
    private HTTPServer server;
    private int port;

    @Override
    public void open(MetricConfig config) {
        super.open(config);
        String host = config.getString("host", "127.0.0.1");
        String ports = config.getString("port", "9249");
        CollectorRegistry registry = registry();
        Iterator<Integer> candidates = NetUtils.getPortRangeFromString(ports);
        while (candidates.hasNext() && server == null) {
            int candidate = candidates.next();
            try {
                server = new HTTPServer(new InetSocketAddress(host, candidate), registry, true);
                port = candidate;
                log.info("Prometheus metrics on http://{}:{}/metrics", host, candidate);
            } catch (IOException e) {
                log.debug("port {} of {} is taken", candidate, host, e);
            }
        }
        if (server == null) {
            throw new IllegalStateException("no free port for Prometheus metrics on " + host + " in " + ports);
        }
    }

    /** The port this process serves metrics on. */
    public int port() {
        return port;
    }

    @Override
    public void close() {
        if (server != null) server.stop();
        super.close();
    }

    /** The reporter's registry is package-private in Flink; it is the one every metric is added to. */
    private CollectorRegistry registry() {
        try {
            Field field = AbstractPrometheusReporter.class.getDeclaredField("registry");
            field.setAccessible(true);
            return (CollectorRegistry) field.get(this);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this Flink version's Prometheus reporter has no registry field", e);
        }
    }
}
