package io.stockflow.flink.io;

import java.util.Map;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * Says why a Kafka call failed in words a user can act on: the broker refused the client's credentials or
 * certificates, refused an operation, or did not answer. The client settings shown are those that decide security
 * ({@code security.protocol}, {@code sasl.mechanism}); no secret value is ever part of the message.
 */
public final class KafkaFailures {
    private KafkaFailures() {}

    /** A message for a failure of {@code doing} (e.g. "checking topic orders.raw") against the settings' brokers. */
    public static String explain(KafkaSettings settings, String doing, Throwable failure) {
        Map<String, String> shown = settings.describe();
        String security = "security.protocol=" + shown.getOrDefault("security.protocol", "PLAINTEXT")
                + (shown.containsKey("sasl.mechanism") ? ", sasl.mechanism=" + shown.get("sasl.mechanism") : "");
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof AuthenticationException) {
                return "Kafka at " + settings.bootstrap + " refused to authenticate the client (" + security
                        + ") while "
                        + doing + ": " + t.getMessage()
                        + " (check --kafka-properties and the STOCKFLOW_KAFKA_* variables)";
            }
            if (t instanceof AuthorizationException) {
                return "Kafka at " + settings.bootstrap + " denied " + doing + " (" + security + "): " + t.getMessage()
                        + " (the principal needs the ACLs in docs/operations.md#kafka-security)";
            }
            if (t instanceof TimeoutException || t instanceof java.util.concurrent.TimeoutException) {
                return "Kafka at " + settings.bootstrap + " did not answer while " + doing + " (" + security
                        + "): is it reachable, and does its listener speak this protocol? (a TLS listener spoken to in"
                        + " plaintext, or the other way round, looks like this)";
            }
        }
        return "Kafka at " + settings.bootstrap + " failed while " + doing + " (" + security + "): " + failure;
    }
}
