package io.stockflow.notifier;

import io.stockflow.notifier.contacts.Contact;
import io.stockflow.notifier.contacts.ContactBook;
import io.stockflow.notifier.render.MessageRenderer;
import io.stockflow.notifier.render.RenderFailure;
import io.stockflow.notifier.render.RenderedMessage;
import io.stockflow.notifier.render.TemplateSource;
import io.stockflow.notifier.send.EmailSender;
import io.stockflow.notifier.send.MessageChannel;
import io.stockflow.notifier.send.SmsSender;
import io.stockflow.notifier.sent.Claim;
import io.stockflow.notifier.sent.ClaimLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sender's loop: reads {@code notifications.customer} ({@code read_committed}, in a consumer group), and for each
 * batch writes, in one Kafka transaction with the batch's consumer offsets, a claim per notification to send to
 * {@code notifications.sent} and a dead letter per notification that cannot be sent; only then sends the claimed ones,
 * and writes each one's outcome. A notification id that has a claim is never sent again, by this sender or another,
 * after a restart or a rebalance: at most once. A crash between a claim and its send loses that message; the claims
 * without an outcome are counted at the next start ({@code stockflow_notify_interrupted}).
 *
 * <p>A stop wakes the reads that wait on the broker (the batch's poll, the claim log's and the contacts' catch-up), so
 * it ends promptly even when the broker no longer answers: records read but not yet claimed are read again at the next
 * start, and claimed ones are sent as {@link #close()} says. A broker that does not answer while the sender runs stops
 * it as a failure.
 */
public final class Notifier implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);
    private static final Duration CATCH_UP = Duration.ofSeconds(30);

    private final NotifySettings settings;
    private final NotifierMetrics metrics;
    private final Clock clock;
    private final MessageRenderer renderer;
    private final Delivery delivery;
    private volatile boolean running;
    private volatile boolean halted;
    private volatile boolean started;
    private volatile boolean failed;
    private Thread thread;
    private volatile KafkaConsumer<String, String> consumer;
    private KafkaProducer<String, String> producer;
    private volatile ContactBook contacts;
    private volatile ClaimLog claims;
    private Instant startedAt;

    /** A claimed notification, ready to send after its claim committed. */
    private record Pending(
            CustomerNotification notification,
            String raw,
            Instant receivedAt,
            Contact contact,
            RenderedMessage message,
            Set<MessageChannel> channels,
            String tags) {}

    public Notifier(NotifySettings settings, NotifierMetrics metrics, Clock clock) {
        this.settings = settings;
        this.metrics = metrics;
        this.clock = clock;
        this.renderer = new MessageRenderer(
                settings.templatesDir() == null
                        ? TemplateSource.shipped()
                        : TemplateSource.folderThenShipped(settings.templatesDir()),
                settings.defaultLocale(),
                settings.smsLimit());
        this.delivery =
                new Delivery(new EmailSender(settings.email()), new SmsSender(settings.sms()), settings, metrics);
    }

    /** Reads the claim log and the contacts, then starts the loop on its own thread. */
    public synchronized void start() {
        producer = new KafkaProducer<>(producerProperties(), new StringSerializer(), new StringSerializer());
        producer.initTransactions();
        claims = new ClaimLog(settings.bootstrap(), settings.topics().sent(), settings.kafkaProperties());
        claims.catchUp(CATCH_UP);
        long interrupted = claims.interrupted();
        metrics.interruptedAtStart(interrupted);
        if (interrupted > 0)
            LOG.warn(
                    "{} notifications were claimed but have no outcome: a stop interrupted their send; they are not"
                            + " sent again",
                    interrupted);
        contacts = new ContactBook(settings.bootstrap(), settings.topics().contacts(), settings.kafkaProperties());
        contacts.catchUp(CATCH_UP);
        consumer = new KafkaConsumer<>(consumerProperties(), new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(settings.topics().notifications()));
        startedAt = clock.instant();
        running = true;
        thread = new Thread(this::loop, "stockflow-notify");
        thread.start();
        started = true;
        LOG.info("notify started: {}", settings);
    }

    private void loop() {
        try {
            while (running) step();
        } catch (ProducerFencedException e) {
            failed = true;
            LOG.warn("another sender with transactional id {} took over; stopping", settings.transactionalId());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (WakeupException e) {
            // A stop woke a read that waited on the broker: the stop asked for, not a failure.
        } catch (RuntimeException e) {
            if (!running) {
                // A read that gave up on the broker after a stop was asked: the stop, not a failure.
                LOG.info("notify stopped while waiting on the broker at {}: {}", settings.bootstrap(), e.toString());
            } else if (e instanceof TimeoutException) {
                failed = true;
                LOG.error(
                        "notify loop failed: the broker at {} did not answer ({}); the sender stops",
                        settings.bootstrap(),
                        e.getMessage(),
                        e);
            } else {
                failed = true;
                LOG.error("notify loop failed", e);
            }
        } finally {
            closeClients();
        }
    }

    private void step() throws InterruptedException {
        ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(200));
        Instant now = clock.instant();
        claims.catchUp(CATCH_UP);
        contacts.catchUp(CATCH_UP);
        List<Claim> due = claims.heldUntil(now);
        List<Claim> found = contactFoundOrDue(now);
        if (records.isEmpty() && due.isEmpty() && found.isEmpty()) return;

        List<Pending> toSend = new ArrayList<>();
        List<Claim> written = new ArrayList<>();
        producer.beginTransaction();
        try {
            Set<String> inBatch = new HashSet<>();
            for (ConsumerRecord<String, String> r : records) claim(r, now, inBatch, toSend, written);
            for (Claim held : due) release(held, now, toSend, written);
            for (Claim waited : found) stopWaiting(waited, now, toSend, written);
            if (!records.isEmpty()) producer.sendOffsetsToTransaction(offsets(records), consumer.groupMetadata());
            producer.commitTransaction();
        } catch (ProducerFencedException e) {
            throw e;
        } catch (KafkaException e) {
            LOG.warn("claiming a batch failed; it is read again: {}", e.toString());
            producer.abortTransaction();
            rewind();
            return;
        }
        written.forEach(claims::remember);
        metrics.claimed(toSend.size());
        for (Pending p : toSend) {
            if (halted) return;
            List<String> failures = delivery.deliver(
                    p.notification().notificationId(), p.contact(), p.message(), p.channels(), () -> !running);
            if (halted) return;
            recordOutcome(p, failures);
        }
    }

    private void claim(
            ConsumerRecord<String, String> r,
            Instant now,
            Set<String> inBatch,
            List<Pending> toSend,
            List<Claim> written) {
        Instant receivedAt = Instant.ofEpochMilli(r.timestamp());
        String raw = r.value() == null ? "" : r.value();
        CustomerNotification n;
        try {
            n = CustomerNotification.read(raw);
        } catch (CustomerNotification.Unreadable e) {
            deadLetter("unreadable", e.getMessage(), raw, receivedAt, null);
            return;
        }
        if (claims.claimed(n.notificationId()) || !inBatch.add(n.notificationId())) {
            metrics.repeated();
            LOG.info("dropped a repeat of {}: it was claimed before", n.notificationId());
            return;
        }
        Prepared prepared = prepare(n, raw, receivedAt, now, contactDeadline(receivedAt), written);
        if (prepared == null) return;
        if (prepared.waitUntil() != null) {
            write(Claim.waiting(n.notificationId(), now, prepared.waitUntil(), raw), written);
            metrics.waitedForContact();
            LOG.info(
                    "{}: no contact for order {} read yet; waiting for it until {}",
                    n.notificationId(),
                    n.orderId(),
                    prepared.waitUntil());
            return;
        }
        if (prepared.plan().holdUntil() != null) {
            Claim held = Claim.held(
                    n.notificationId(),
                    prepared.plan().tags(),
                    now,
                    prepared.plan().holdUntil(),
                    raw);
            write(held, written);
            metrics.held();
            LOG.info("holding {} until {}: quiet hours at the ship-to", n.notificationId(), held.until());
            return;
        }
        write(Claim.sending(n.notificationId(), prepared.plan().tags(), now), written);
        toSend.add(new Pending(
                n,
                raw,
                receivedAt,
                prepared.contact(),
                prepared.message(),
                prepared.plan().channels(),
                prepared.plan().tags()));
    }

    private void release(Claim held, Instant now, List<Pending> toSend, List<Claim> written) {
        String raw = held.payload();
        CustomerNotification n;
        try {
            n = CustomerNotification.read(raw);
        } catch (CustomerNotification.Unreadable e) {
            write(Claim.failed(held.notificationId(), held.channels(), now, e.getMessage()), written);
            return;
        }
        Prepared prepared = prepare(n, raw, held.at(), now, null, written);
        if (prepared == null) {
            settleIfOpen(held, now, "not sendable after its hold", written);
            return;
        }
        write(Claim.sending(n.notificationId(), held.channels(), now), written);
        toSend.add(new Pending(
                n,
                raw,
                held.at(),
                prepared.contact(),
                prepared.message(),
                DeliveryPlan.fromTags(held.channels()),
                held.channels()));
    }

    /** Waiting notifications whose contact has been read since, or whose grace period is over. */
    private List<Claim> contactFoundOrDue(Instant now) {
        List<Claim> out = new ArrayList<>();
        for (Claim c : claims.waiting()) {
            if (!now.isBefore(c.until())) {
                out.add(c);
                continue;
            }
            try {
                if (contacts.find(CustomerNotification.read(c.payload()).orderId()) != null) out.add(c);
            } catch (CustomerNotification.Unreadable e) {
                out.add(c);
            }
        }
        return out;
    }

    /** A notification that waited for its contact: sent (or held for quiet hours) now, or settled without it. */
    private void stopWaiting(Claim waited, Instant now, List<Pending> toSend, List<Claim> written) {
        String raw = waited.payload();
        CustomerNotification n;
        try {
            n = CustomerNotification.read(raw);
        } catch (CustomerNotification.Unreadable e) {
            write(Claim.failed(waited.notificationId(), "", now, e.getMessage()), written);
            return;
        }
        Prepared prepared = prepare(n, raw, waited.at(), now, null, written);
        if (prepared == null) {
            settleIfOpen(waited, now, "not sendable after waiting for its contact", written);
            return;
        }
        if (prepared.plan().holdUntil() != null) {
            write(
                    Claim.held(
                            n.notificationId(),
                            prepared.plan().tags(),
                            now,
                            prepared.plan().holdUntil(),
                            raw),
                    written);
            metrics.held();
            LOG.info(
                    "holding {} until {}: quiet hours at the ship-to",
                    n.notificationId(),
                    prepared.plan().holdUntil());
            return;
        }
        write(Claim.sending(n.notificationId(), prepared.plan().tags(), now), written);
        toSend.add(new Pending(
                n,
                raw,
                waited.at(),
                prepared.contact(),
                prepared.message(),
                prepared.plan().channels(),
                prepared.plan().tags()));
    }

    /** A FAILED outcome for a held or waiting claim, unless the batch settled it already (a skip). */
    private void settleIfOpen(Claim claim, Instant now, String detail, List<Claim> written) {
        for (Claim w : written) if (w.notificationId().equals(claim.notificationId())) return;
        write(Claim.failed(claim.notificationId(), claim.channels(), now, detail), written);
    }

    /**
     * Until when a notification without a contact waits for it: the grace period from when it was written, or from the
     * sender's start for one written before (the contacts are read while the sender runs, not all before it starts).
     */
    private Instant contactDeadline(Instant writtenAt) {
        Instant from = writtenAt.isAfter(startedAt) ? writtenAt : startedAt;
        return from.plus(settings.contactGrace());
    }

    /**
     * What is ready to send: the contact, message and plan; or, with {@code waitUntil} set, a notification that waits for
     * its contact until then.
     */
    private record Prepared(Contact contact, RenderedMessage message, DeliveryPlan plan, Instant waitUntil) {
        static Prepared waiting(Instant until) {
            return new Prepared(null, null, null, until);
        }
    }

    /**
     * The contact, message and plan of a notification; a wait for its contact when there is none yet and
     * {@code waitUntil} is later than now; or null after settling it without a send (a dead letter with the reason, or
     * a skip written to {@code written}).
     */
    private Prepared prepare(
            CustomerNotification n,
            String raw,
            Instant receivedAt,
            Instant now,
            Instant waitUntil,
            List<Claim> written) {
        String id = n.notificationId();
        RenderedMessage message;
        try {
            message = renderer.render(n.template(), n.locale(), n.variables());
        } catch (RenderFailure e) {
            deadLetter("render", e.getMessage(), raw, receivedAt, id);
            return null;
        }
        if (message.fellBack() && settings.unknownLocale() == NotifySettings.UnknownLocale.DEAD_LETTER) {
            deadLetter(
                    "locale",
                    "no message templates for locale " + n.locale() + " (default " + renderer.defaultLocale()
                            + "; locale.unknown=dead-letter)",
                    raw,
                    receivedAt,
                    id);
            return null;
        }
        Contact contact = contacts.find(n.orderId());
        if (contact == null && waitUntil != null && now.isBefore(waitUntil)) return Prepared.waiting(waitUntil);
        if (message.fellBack()) {
            metrics.localeFallback();
            LOG.info("{}: no message templates for locale {}, sent in {}", id, n.locale(), message.locale());
        }
        if (contact == null && settings.contactlessChannels().contains(n.channel())) {
            // The marketplace keeps its buyers' addresses to itself and tells them of their order itself: nothing to
            // send, and nothing wrong.
            write(
                    Claim.skipped(
                            id,
                            now,
                            n.channel() + " does not share its buyers' contact details; the marketplace messages"
                                    + " them itself"),
                    written);
            metrics.skipped(n.channel());
            LOG.debug("{}: skipped, {} does not share its buyers' contact details", id, n.channel());
            return null;
        }
        if (contact == null) {
            deadLetter(
                    "contact",
                    "no contact details for order " + n.orderId() + " in "
                            + settings.topics().contacts() + " (never written, or erased)",
                    raw,
                    receivedAt,
                    id);
            return null;
        }
        DeliveryPlan plan = DeliveryPlan.of(contact, settings.quietHours(), now);
        if (plan.empty()) {
            deadLetter(
                    "contact",
                    "the contact of order " + n.orderId() + " has neither email nor phone",
                    raw,
                    receivedAt,
                    id);
            return null;
        }
        return new Prepared(contact, message, plan, null);
    }

    private void recordOutcome(Pending p, List<String> failures) {
        Instant now = clock.instant();
        String id = p.notification().notificationId();
        producer.beginTransaction();
        Claim outcome = failures.isEmpty()
                ? Claim.sent(id, p.tags(), now)
                : Claim.failed(id, p.tags(), now, String.join("; ", failures));
        producer.send(new ProducerRecord<>(settings.topics().sent(), id, outcome.toJson()));
        if (!failures.isEmpty())
            deadLetter("send", "not sent: " + String.join("; ", failures), p.raw(), p.receivedAt(), id);
        producer.commitTransaction();
        claims.remember(outcome);
        metrics.settled();
    }

    private void write(Claim claim, List<Claim> written) {
        producer.send(new ProducerRecord<>(settings.topics().sent(), claim.notificationId(), claim.toJson()));
        written.add(claim);
    }

    private void deadLetter(String kind, String reason, String raw, Instant receivedAt, String notificationId) {
        String source = settings.topics().notifications();
        producer.send(new ProducerRecord<>(
                settings.topics().deadLetters(),
                source,
                DeadLetterJson.of(source, reason, raw, receivedAt, notificationId)));
        metrics.deadLettered(kind);
        LOG.warn("dead letter {}: {}", notificationId == null ? "(unreadable record)" : notificationId, reason);
    }

    private static Map<TopicPartition, OffsetAndMetadata> offsets(ConsumerRecords<String, String> records) {
        Map<TopicPartition, OffsetAndMetadata> out = new HashMap<>();
        for (TopicPartition tp : records.partitions()) {
            List<ConsumerRecord<String, String>> rs = records.records(tp);
            out.put(tp, new OffsetAndMetadata(rs.get(rs.size() - 1).offset() + 1));
        }
        return out;
    }

    private void rewind() {
        Set<TopicPartition> assigned = consumer.assignment();
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(assigned);
        for (TopicPartition tp : assigned) {
            OffsetAndMetadata at = committed.get(tp);
            if (at == null) consumer.seekToBeginning(List.of(tp));
            else consumer.seek(tp, at.offset());
        }
    }

    private Properties consumerProperties() {
        Properties p = new Properties();
        p.putAll(settings.kafkaProperties());
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrap());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(settings.batchSize()));
        return p;
    }

    private Properties producerProperties() {
        Properties p = new Properties();
        p.putAll(settings.kafkaProperties());
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrap());
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, settings.transactionalId());
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        return p;
    }

    /** Waits until the loop ends (a stop, or a failure); true when it failed. */
    public boolean awaitStop() throws InterruptedException {
        if (started) thread.join();
        return failed;
    }

    /** Stops after the message being sent: the rest of the batch is sent first, with its outcomes. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        wakeReads();
        join();
    }

    /**
     * Stops at once, as a crash would: claimed messages not yet sent stay claimed and are never sent (what at most once
     * costs), and no outcome is written for them.
     */
    public void halt() throws InterruptedException {
        halted = true;
        running = false;
        wakeReads();
        join();
    }

    /**
     * Ends the reads that wait on the broker. The send phase reads nothing, so the messages claimed are still sent (or,
     * after a halt, left) as the stop says.
     */
    private void wakeReads() {
        KafkaConsumer<String, String> batches = consumer;
        if (batches != null) batches.wakeup();
        ClaimLog claimLog = claims;
        if (claimLog != null) claimLog.wakeup();
        ContactBook contactBook = contacts;
        if (contactBook != null) contactBook.wakeup();
    }

    private void join() throws InterruptedException {
        if (!started) return;
        thread.join(Duration.ofSeconds(60).toMillis());
    }

    private void closeClients() {
        if (consumer != null) consumer.close(Duration.ofSeconds(2));
        if (producer != null) producer.close(Duration.ofSeconds(2));
        if (contacts != null) contacts.close();
        if (claims != null) claims.close();
    }
}
