package io.stockflow.notifier;

import io.stockflow.notifier.contacts.Contact;
import io.stockflow.notifier.send.MessageChannel;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The channels a notification goes out on, from the customer's preference and the contact details there are: the
 * preferred channel when its detail is known, else the other one; both for {@code BOTH}. An SMS inside the customer's
 * quiet hours holds the notification until they end ({@code holdUntil}); an email alone is never held.
 */
public record DeliveryPlan(Set<MessageChannel> channels, Instant holdUntil) {
    public static DeliveryPlan of(Contact contact, QuietHours quiet, Instant now) {
        EnumSet<MessageChannel> channels = EnumSet.noneOf(MessageChannel.class);
        switch (contact.preference()) {
            case EMAIL -> {
                if (contact.hasEmail()) channels.add(MessageChannel.EMAIL);
                else if (contact.hasPhone()) channels.add(MessageChannel.SMS);
            }
            case SMS -> {
                if (contact.hasPhone()) channels.add(MessageChannel.SMS);
                else if (contact.hasEmail()) channels.add(MessageChannel.EMAIL);
            }
            case BOTH -> {
                if (contact.hasEmail()) channels.add(MessageChannel.EMAIL);
                if (contact.hasPhone()) channels.add(MessageChannel.SMS);
            }
        }
        Instant hold = channels.contains(MessageChannel.SMS) ? quiet.endIfInside(now, contact.timeZone()) : null;
        return new DeliveryPlan(channels, hold);
    }

    public boolean empty() {
        return channels.isEmpty();
    }

    /** The channels as the claim log keeps them: {@code email}, {@code sms} or {@code email,sms}. */
    public String tags() {
        return channels.stream().map(MessageChannel::tag).collect(Collectors.joining(","));
    }

    public static Set<MessageChannel> fromTags(String tags) {
        EnumSet<MessageChannel> channels = EnumSet.noneOf(MessageChannel.class);
        for (String tag : tags.split(","))
            if (!tag.isBlank()) channels.add(MessageChannel.valueOf(tag.strip().toUpperCase()));
        return channels;
    }
}
