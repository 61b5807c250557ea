package io.stockflow.notifier;

/** Records as the lifecycle job and the contacts writer write them, for the tests. */
final class Fixture {
    private Fixture() {}

    static String notification(String id, String orderId, String template, String locale) {
        return "{\"notification_id\":\"" + id + "\",\"type\":\"SHIPPED\",\"order_id\":\"" + orderId
                + "\",\"channel\":\"" + orderId.substring(0, orderId.indexOf(':')) + "\",\"template\":\"" + template
                + "\",\"branch\":\"standard\",\"locale\":\""
                + locale + "\",\"recipient\":{\"email_hash\":\"" + "ab".repeat(32) + "\"},"
                + "\"variables\":{\"order_number\":\"" + orderId.substring(orderId.indexOf(':') + 1)
                + "\",\"carrier\":\"UPS\",\"tracking_code\":\"1Z999AA10123456784\"},"
                + "\"event_time\":\"2026-11-10T10:00:00Z\",\"created_at\":\"2026-11-10T10:00:01Z\"}";
    }

    static String shipped(String id, String orderId) {
        return notification(id, orderId, "shipped", "en-US");
    }

    static String emailContact(String orderId, String email) {
        return "{\"order_id\":\"" + orderId + "\",\"email\":\"" + email
                + "\",\"preferred_channel\":\"email\",\"time_zone\":\"America/New_York\"}";
    }

    static String smsContact(String orderId, String phone) {
        return "{\"order_id\":\"" + orderId + "\",\"phone\":\"" + phone
                + "\",\"preferred_channel\":\"sms\",\"time_zone\":\"Europe/Berlin\"}";
    }
}
