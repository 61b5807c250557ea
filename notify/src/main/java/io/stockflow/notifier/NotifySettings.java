package io.stockflow.notifier;

import io.stockflow.notifier.alerting.AlertingSettings;
import io.stockflow.notifier.render.SmsLimit;
import io.stockflow.notifier.send.EmailSettings;
import io.stockflow.notifier.send.RetryPolicy;
import io.stockflow.notifier.send.SmsSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything the sender is told, read from a properties file (keys in {@link #KEYS}, documented in docs/notify.md) and
 * the environment, which alone holds the secrets ({@code STOCKFLOW_SMTP_PASSWORD}, {@code STOCKFLOW_TWILIO_AUTH_TOKEN}).
 * {@link #toString()} masks them.
 */
public record NotifySettings(
        String bootstrap,
        Map<String, String> kafkaProperties,
        String groupId,
        String transactionalId,
        Topics topics,
        int batchSize,
        EmailSettings email,
        SmsSettings sms,
        Path templatesDir,
        String defaultLocale,
        UnknownLocale unknownLocale,
        SmsLimit smsLimit,
        QuietHours quietHours,
        double emailPerSecond,
        double smsPerSecond,
        RetryPolicy retry,
        int metricsPort,
        Duration contactGrace,
        Set<String> contactlessChannels,
        AlertingSettings alerting) {

    public record Topics(String notifications, String contacts, String sent, String deadLetters) {}

    /** What a locale no template folder serves gets: the default locale's text, or a dead letter. */
    public enum UnknownLocale {
        FALLBACK,
        DEAD_LETTER
    }

    public static final String SMTP_PASSWORD_ENV = "STOCKFLOW_SMTP_PASSWORD";
    public static final String TWILIO_TOKEN_ENV = "STOCKFLOW_TWILIO_AUTH_TOKEN";

    /** Every key with its default; {@code kafka.*} keys go to the Kafka clients as they are. */
    public static final Map<String, String> KEYS = defaults();

    private static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("bootstrap", "127.0.0.1:9092");
        d.put("group.id", "stockflow-notify");
        d.put("transactional.id", "stockflow-notify");
        d.put("topic.notifications", "notifications.customer");
        d.put("topic.contacts", "customers.contacts");
        d.put("topic.sent", "notifications.sent");
        d.put("topic.deadletter", "deadletter");
        d.put("batch.size", "50");
        d.put("smtp.host", "127.0.0.1");
        d.put("smtp.port", "25");
        d.put("smtp.from", "orders@stockflow.local");
        d.put("smtp.username", "");
        d.put("smtp.starttls", "false");
        d.put("smtp.timeout", "PT10S");
        d.put("twilio.base-url", "https://api.twilio.com");
        d.put("twilio.account-sid", "");
        d.put("twilio.from", "");
        d.put("twilio.timeout", "PT10S");
        d.put("templates.dir", "");
        d.put("locale.default", "en-US");
        d.put("locale.unknown", "fallback");
        d.put("sms.max-segments", "3");
        d.put("sms.overflow", "shorten");
        d.put("quiet-hours", "21:00-08:00");
        d.put("rate.email-per-second", "20");
        d.put("rate.sms-per-second", "1");
        d.put("retry.max-attempts", "8");
        d.put("retry.initial-backoff", "PT1S");
        d.put("retry.max-backoff", "PT30S");
        d.put("retry.multiplier", "2.0");
        d.put("metrics.port", "9464");
        d.put("contacts.grace", "PT2M");
        d.put("contacts.hidden-channels", "amazon");
        d.putAll(AlertingSettings.KEYS);
        return Map.copyOf(d);
    }

    public static NotifySettings from(Properties properties, Map<String, String> env) {
        Map<String, String> v = new LinkedHashMap<>(KEYS);
        Map<String, String> kafka = new LinkedHashMap<>();
        for (String key : properties.stringPropertyNames()) {
            String value = properties.getProperty(key).strip();
            if (key.startsWith("kafka.")) kafka.put(key.substring("kafka.".length()), value);
            else if (KEYS.containsKey(key)) v.put(key, value);
            else throw new IllegalArgumentException("unknown notify setting: " + key);
        }
        String templates = v.get("templates.dir");
        String username = v.get("smtp.username");
        return new NotifySettings(
                v.get("bootstrap"),
                Map.copyOf(kafka),
                v.get("group.id"),
                v.get("transactional.id"),
                new Topics(
                        v.get("topic.notifications"),
                        v.get("topic.contacts"),
                        v.get("topic.sent"),
                        v.get("topic.deadletter")),
                Integer.parseInt(v.get("batch.size")),
                new EmailSettings(
                        v.get("smtp.host"),
                        Integer.parseInt(v.get("smtp.port")),
                        v.get("smtp.from"),
                        username.isEmpty() ? null : username,
                        env.get(SMTP_PASSWORD_ENV),
                        Boolean.parseBoolean(v.get("smtp.starttls")),
                        Duration.parse(v.get("smtp.timeout"))),
                new SmsSettings(
                        URI.create(v.get("twilio.base-url")),
                        v.get("twilio.account-sid"),
                        env.get(TWILIO_TOKEN_ENV),
                        v.get("twilio.from"),
                        Duration.parse(v.get("twilio.timeout"))),
                templates.isEmpty() ? null : Path.of(templates),
                v.get("locale.default"),
                UnknownLocale.valueOf(
                        v.get("locale.unknown").toUpperCase(Locale.ROOT).replace('-', '_')),
                new SmsLimit(
                        Integer.parseInt(v.get("sms.max-segments")),
                        SmsLimit.Overflow.valueOf(v.get("sms.overflow").toUpperCase(Locale.ROOT))),
                QuietHours.parse(v.get("quiet-hours")),
                Double.parseDouble(v.get("rate.email-per-second")),
                Double.parseDouble(v.get("rate.sms-per-second")),
                new RetryPolicy(
                        Integer.parseInt(v.get("retry.max-attempts")),
                        Duration.parse(v.get("retry.initial-backoff")),
                        Duration.parse(v.get("retry.max-backoff")),
                        Double.parseDouble(v.get("retry.multiplier"))),
                Integer.parseInt(v.get("metrics.port")),
                Duration.parse(v.get("contacts.grace")),
                channels(v.get("contacts.hidden-channels")),
                AlertingSettings.from(v));
    }

    /** A comma-separated list of channel names, lower case; empty for none. */
    private static Set<String> channels(String list) {
        Set<String> out = new TreeSet<>();
        for (String c : list.split(",")) if (!c.isBlank()) out.add(c.strip().toLowerCase(Locale.ROOT));
        return Set.copyOf(out);
    }

    @Override
    public String toString() {
        Map<String, String> kafka = new LinkedHashMap<>();
        kafkaProperties.forEach((k, val) -> kafka.put(k, k.contains("password") || k.contains("jaas") ? "****" : val));
        return "NotifySettings[bootstrap " + bootstrap + ", kafka " + kafka + ", group " + groupId + ", " + topics
                + ", batch " + batchSize + ", " + email + ", " + sms + ", templates "
                + (templatesDir == null ? "(shipped)" : templatesDir) + ", locale " + defaultLocale + " (unknown: "
                + unknownLocale + "), " + smsLimit + ", quiet hours " + quietHours + ", rates email " + emailPerSecond
                + "/s sms " + smsPerSecond + "/s, " + retry + ", metrics port " + metricsPort + ", contact grace "
                + contactGrace + ", channels without buyer contact " + contactlessChannels + ", " + alerting + "]";
    }
}
