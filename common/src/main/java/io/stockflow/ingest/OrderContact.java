package io.stockflow.ingest;

import com.fasterxml.jackson.core.JsonGenerator;
import io.stockflow.json.JsonText;
import java.io.IOException;

/**
 * An order's raw contact details, a value of the restricted topic {@code customers.contacts}: {@code {"order_id",
 * "email", "phone", "preferred_channel", "time_zone"}} (docs/design/contact-details.md). It exists only between the
 * parse step and that topic's sink: never in Flink state, another topic or a log line, so {@link #toString()} prints
 * neither address.
 */
public final class OrderContact {
    /** The shop's default; a preference centre writes the same key to change it. */
    public static final String DEFAULT_CHANNEL = "email";

    public String orderId;
    public String email;
    public String phone;
    public String preferredChannel = DEFAULT_CHANNEL;
    public String timeZone = ShipToTimeZones.DEFAULT;

    /** For Flink's POJO serializer. */
    public OrderContact() {}

    /** The payload's email and phone, trimmed; null when it has neither (nothing to write to). */
    static OrderContact of(String email, String phone) {
        String e = blankToNull(email);
        String p = blankToNull(phone);
        if (e == null && p == null) return null;
        OrderContact c = new OrderContact();
        c.email = e;
        c.phone = p;
        return c;
    }

    /** The {@code customers.contacts} value; the key is {@link #orderId}. */
    public String toJson() {
        return JsonText.object(this::fields);
    }

    /** {@link #toJson} as UTF-8 bytes. */
    public byte[] toJsonUtf8() {
        return JsonText.utf8(this::fields);
    }

    private void fields(JsonGenerator g) throws IOException {
        g.writeStringField("order_id", orderId);
        if (email != null) g.writeStringField("email", email);
        if (phone != null) g.writeStringField("phone", phone);
        g.writeStringField("preferred_channel", preferredChannel);
        g.writeStringField("time_zone", timeZone);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @Override
    public String toString() {
        return "OrderContact{" + orderId + ", email " + (email == null ? "no" : "yes") + ", phone "
                + (phone == null ? "no" : "yes") + ", " + preferredChannel + ", " + timeZone + "}";
    }
}
