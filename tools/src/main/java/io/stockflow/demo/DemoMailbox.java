package io.stockflow.demo;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.stockflow.flink.io.Topics;
import io.stockflow.local.LocalKafka;
import io.stockflow.notifier.Notifier;
import io.stockflow.notifier.NotifierMetrics;
import io.stockflow.notifier.NotifySettings;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The demo's customer messages: the sender ({@code ./stockflow notify}) over the demo's topics, with an SMTP server
 * in the JVM (GreenMail on 127.0.0.1) as every customer's mailbox and the marketplace simulator's Twilio for SMS; two
 * lines for the screen with the messages per template and the latest subjects.
 */
final class DemoMailbox implements AutoCloseable {
    /** The claim log of the sender: created here, as the launcher's broker does not own it. */
    static final String SENT_TOPIC = "notifications.sent";
    /** The simulator's Twilio account (docs/marketplace-simulator.md). */
    static final String TWILIO_ACCOUNT = "AC00000000000000000000000000000000";

    static final String TWILIO_TOKEN = "simulator_auth_token";
    private static final int LATEST = 3;
    /** Notification ids waiting for their email, at most this many: the rest are the ones the sender dropped. */
    private static final int MAX_PENDING = 100_000;

    private final GreenMail smtp;
    private final Notifier notifier;
    private final NotifierMetrics metrics;
    private final Map<String, String> templateById = new LinkedHashMap<>();
    private final Map<String, Long> emailsByTemplate = new TreeMap<>();
    private final Deque<String> latest = new ArrayDeque<>();
    private int seen;

    private DemoMailbox(GreenMail smtp, Notifier notifier, NotifierMetrics metrics) {
        this.smtp = smtp;
        this.notifier = notifier;
        this.metrics = metrics;
    }

    /** Starts GreenMail on a free port of 127.0.0.1 and the sender; SMS go to {@code twilio}, when there is one. */
    static DemoMailbox start(URI twilio) throws Exception {
        LocalKafka.createTopics(LocalKafka.BOOTSTRAP, List.of(SENT_TOPIC), 3);
        int smtpPort;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            smtpPort = free.getLocalPort();
        }
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            Properties p = new Properties();
            p.setProperty("bootstrap", LocalKafka.BOOTSTRAP);
            p.setProperty("group.id", "stockflow-demo-notify");
            p.setProperty("transactional.id", "stockflow-demo-notify");
            p.setProperty("topic.notifications", Topics.NOTIFICATIONS);
            p.setProperty("topic.contacts", Topics.CUSTOMERS_CONTACTS);
            p.setProperty("topic.sent", SENT_TOPIC);
            p.setProperty("smtp.host", "127.0.0.1");
            p.setProperty("smtp.port", String.valueOf(smtp.getSmtp().getPort()));
            p.setProperty("metrics.port", "0");
            if (twilio != null) {
                p.setProperty("twilio.base-url", twilio.toString());
                p.setProperty("twilio.account-sid", TWILIO_ACCOUNT);
                p.setProperty("twilio.from", "+15005550006");
            }
            NotifierMetrics metrics = new NotifierMetrics(new SimpleMeterRegistry());
            Notifier notifier = new Notifier(
                    NotifySettings.from(p, Map.of(NotifySettings.TWILIO_TOKEN_ENV, TWILIO_TOKEN)),
                    metrics,
                    Clock.systemUTC());
            notifier.start();
            return new DemoMailbox(smtp, notifier, metrics);
        } catch (Exception | Error e) {
            smtp.stop();
            throw e;
        }
    }

    int smtpPort() {
        return smtp.getSmtp().getPort();
    }

    /** A notification the lifecycle job wrote, so its email is counted under its template. */
    void notification(String notificationId, String template) {
        if (templateById.size() < MAX_PENDING) templateById.put(notificationId, template);
    }

    /** The messages per template, the SMS, the dead letters, and the subjects of the latest emails. */
    String summary() {
        MimeMessage[] received = smtp.getReceivedMessages();
        for (; seen < received.length; seen++) {
            String id = header(received[seen], "X-Stockflow-Notification-Id");
            String template = id == null ? null : templateById.remove(id);
            emailsByTemplate.merge(template == null ? "other" : template, 1L, Long::sum);
            latest.addFirst("[" + (template == null ? "?" : template) + "] " + subject(received[seen]));
            while (latest.size() > LATEST) latest.removeLast();
        }
        return "Customer messages: emails in the mailbox (smtp://127.0.0.1:" + smtpPort() + ") by template "
                + emailsByTemplate + "; SMS to the simulator's Twilio: "
                + (long) metrics.count("stockflow.notify.sent", "channel", "sms") + "; dead letters: "
                + total("stockflow.notify.dead.letters") + "\nLatest emails: "
                + (latest.isEmpty() ? "none yet" : String.join("  |  ", latest));
    }

    /** A counter summed over its tags. */
    private long total(String name) {
        return (long) metrics.registry().find(name).counters().stream()
                .mapToDouble(c -> c.count())
                .sum();
    }

    private static String header(MimeMessage m, String name) {
        try {
            String[] v = m.getHeader(name);
            return v == null || v.length == 0 ? null : v[0];
        } catch (MessagingException e) {
            return null;
        }
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            return "(no subject)";
        }
    }

    @Override
    public void close() throws InterruptedException {
        notifier.close();
        smtp.stop();
    }
}
