package io.stockflow.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Without Kafka the service still answers: catching up, with the reason on /health, and it keeps asking. */
class UnreachableKafkaTest {
    @Test
    void saysWhyItIsCatchingUpWhileKafkaDoesNotAnswer() throws Exception {
        ServeSettings settings = new ServeSettings();
        settings.port = 0;
        settings.kafkaTimeout = Duration.ofMillis(500);
        try (ServerSocket closed = new ServerSocket(0)) {
            settings.bootstrap = "127.0.0.1:" + closed.getLocalPort();
        } // nothing listens there any more
        try (QueryService service = QueryService.start(settings)) {
            URI base = service.baseUrl();
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> Api.get(base, "/health").json().has("problem"));
            Api.Answer health = Api.get(base, "/health");

            assertThat(health.status()).isEqualTo(503);
            assertThat(health.json().get("status").asText()).isEqualTo("catching_up");
            assertThat(health.json().get("problem").asText()).contains("does not answer");
            assertThat(Api.get(base, "/skus/SKU-A").status()).isEqualTo(404);
        }
    }
}
