package io.stockflow.notifier.contacts;

import java.time.ZoneId;

/**
 * How to reach the customer of one order: the raw email and phone (either may be null), the channel they prefer and
 * the time zone of the ship-to address, for quiet hours. Raw contact details never leave the sender: {@link
 * #toString()} shows neither, so a log line or exception that prints a contact prints no address.
 */
public record Contact(String orderId, String email, String phone, Preference preference, ZoneId timeZone) {
    public enum Preference {
        EMAIL,
        SMS,
        /** Both channels, each message once per channel. */
        BOTH
    }

    public boolean hasEmail() {
        return email != null && !email.isBlank();
    }

    public boolean hasPhone() {
        return phone != null && !phone.isBlank();
    }

    /** The text with this contact's email and phone replaced, for reasons and log lines built from errors. */
    public String redact(String text) {
        if (text == null) return null;
        String out = text;
        if (hasEmail()) out = out.replace(email, "[email]");
        if (hasPhone()) out = out.replace(phone, "[phone]");
        return out;
    }

    @Override
    public String toString() {
        return "Contact[" + orderId + ", email " + (hasEmail() ? "set" : "none") + ", phone "
                + (hasPhone() ? "set" : "none") + ", " + preference + ", " + timeZone + "]";
    }
}
