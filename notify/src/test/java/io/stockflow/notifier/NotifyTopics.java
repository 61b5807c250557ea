package io.stockflow.notifier;

import io.stockflow.testing.KafkaBroker;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The sender's four topics for one test, {@code <prefix>.<topic>}, on the test broker, and keyed writes to them (the
 * contacts topic is keyed by order id; a null value is a tombstone).
 */
final class NotifyTopics {
    final KafkaBroker broker;
    final String notifications;
    final String contacts;
    final String sent;
    final String deadLetters;

    NotifyTopics(KafkaBroker broker, String prefix) throws Exception {
        this.broker = broker;
        this.notifications = prefix + ".notifications.customer";
        this.contacts = prefix + ".customers.contacts";
        this.sent = prefix + ".notifications.sent";
        this.deadLetters = prefix + ".deadletter";
        broker.createTopics(2, List.of(notifications, contacts, sent, deadLetters));
    }

    void put(String topic, String key, String value) {
        Properties p = new Properties();
        p.put("bootstrap.servers", broker.bootstrap());
        p.put("acks", "all");
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value));
            producer.flush();
        }
    }

    void contact(String orderId, String json) {
        put(contacts, orderId, json);
    }

    void notification(String orderId, String json) {
        put(notifications, orderId, json);
    }

    /** The settings of a sender on these topics; {@code extra} is {@code key, value, key, value ...}. */
    Properties settings(int smtpPort, String twilioBaseUrl, String... extra) {
        Properties p = new Properties();
        p.setProperty("bootstrap", broker.bootstrap());
        p.setProperty("group.id", notifications + ".sender");
        p.setProperty("transactional.id", notifications + ".sender");
        p.setProperty("topic.notifications", notifications);
        p.setProperty("topic.contacts", contacts);
        p.setProperty("topic.sent", sent);
        p.setProperty("topic.deadletter", deadLetters);
        p.setProperty("smtp.port", Integer.toString(smtpPort));
        p.setProperty("smtp.timeout", "PT2S");
        p.setProperty("twilio.base-url", twilioBaseUrl);
        p.setProperty("twilio.account-sid", "AC00000000000000000000000000000000");
        p.setProperty("twilio.from", "+15005550006");
        p.setProperty("quiet-hours", "none");
        p.setProperty("rate.sms-per-second", "50");
        p.setProperty("retry.initial-backoff", "PT0.1S");
        p.setProperty("retry.max-backoff", "PT0.5S");
        p.setProperty("metrics.port", "0");
        // The contacts are written before the notifications here: a notification without one has none for good.
        p.setProperty("contacts.grace", "PT0S");
        for (int i = 0; i + 1 < extra.length; i += 2) p.setProperty(extra[i], extra[i + 1]);
        return p;
    }
}
