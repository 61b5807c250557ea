package io.stockflow.demo;

import io.stockflow.generate.GeneratedRecord;
import io.stockflow.generate.GeneratorSettings;
import io.stockflow.generate.TrafficGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Feeds generated marketplace traffic to Kafka in real time: each record is sent when the wall clock reaches its
 * event time, so the demo's stock moves as a live shop's would. Interrupt the thread to stop it.
 */
final class DemoFeeder implements Runnable {
    private final String bootstrap;
    private final GeneratorSettings settings;

    DemoFeeder(String bootstrap, int ordersPerSecond, long seed) {
        this.bootstrap = bootstrap;
        this.settings = new GeneratorSettings();
        settings.seed = seed;
        settings.start = Instant.now();
        settings.duration = Duration.ofDays(1);
        settings.ordersPerHour = ordersPerSecond * 3600;
        settings.seasonality = false;
        // Five orders a second from a pool of a few thousand customers would make one buyer's repeat orders look
        // like bursts (SUSPICIOUS_ORDER) within minutes; a shop at that rate has a far larger customer base.
        settings.returningCustomerShare = 0.01;
        // A healthy shop: a truck every 30 seconds brings about what sold, so stock keeps pace and a sell-out is an
        // exception (a slow seller's last units, a burst of demand), after which the channels go to 0 and come back
        // with the next receipt.
        settings.skus = 20;
        settings.initialStock = 3;
        settings.caseSize = 1;
        settings.replenishmentInterval = Duration.ofSeconds(30);
        settings.replenishmentCover = 1.0;
        settings.badRecordRate = 0.03;
    }

    /** What the traffic is generated from: its SKUs and locations are the ones the demo lists on the channels. */
    GeneratorSettings settings() {
        return settings;
    }

    @Override
    public void run() {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("linger.ms", "5");
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            Iterator<GeneratedRecord> records = new TrafficGenerator(settings).records();
            while (!Thread.currentThread().isInterrupted() && records.hasNext()) {
                GeneratedRecord r = records.next();
                long wait = r.eventTime - System.currentTimeMillis();
                if (wait > 0) TimeUnit.MILLISECONDS.sleep(wait);
                producer.send(new ProducerRecord<>(r.topic, r.value));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
