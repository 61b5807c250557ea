package io.stockflow.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.stockflow.notifier.send.MessageChannel;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MetricsEndpointTest {
    @Test
    void theSendersMetersAreScrapedInPrometheusFormatFromLoopback() throws Exception {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        NotifierMetrics metrics = new NotifierMetrics(registry);
        metrics.sent(MessageChannel.EMAIL, Duration.ofMillis(12));
        metrics.retried(MessageChannel.SMS);
        metrics.failed(MessageChannel.SMS);

        try (MetricsEndpoint endpoint = new MetricsEndpoint(registry, 0)) {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoint.port() + "/metrics"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body())
                    .contains("stockflow_notify_sent_total{channel=\"email\"} 1.0")
                    .contains("stockflow_notify_retried_total{channel=\"sms\"} 1.0")
                    .contains("stockflow_notify_failed_total{channel=\"sms\"} 1.0")
                    .contains("stockflow_notify_send_latency_seconds_count{channel=\"email\"} 1")
                    .contains("stockflow_notify_interrupted");
        }
    }
}
