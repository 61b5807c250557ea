package io.stockflow.notifier.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostableAlertTest {
    private static final AlertLinks LINKS = new AlertLinks(URI.create("http://127.0.0.1:8070/"));
    private static final Instant ENDS = Instant.parse("2026-12-01T11:00:00Z");

    static String alert(String id, String type, String severity, String subject) {
        return "{\"alert_id\":\"" + id + "\",\"type\":\"" + type + "\",\"severity\":\"" + severity
                + "\",\"subject\":" + subject + ",\"event_time\":\"2026-12-01T10:00:00Z\","
                + "\"detected_at\":\"2026-12-01T10:00:02Z\",\"observed\":3,\"expected\":0.5,"
                + "\"message\":\"" + type + " of " + subject.replace("\"", "'") + "\",\"evidence\":{\"score\":7.5}}";
    }

    @Test
    void labelsNameTheTypeSeverityIdAndSubjectAndAnnotationsSayWhatHappenedWithALink() throws Exception {
        AlertRecord record = AlertRecord.read(alert(
                "a-1", "OVERSELL", "CRITICAL", "{\"sku\":\"SKU 1\",\"location\":\"WH-1\",\"channel\":\"shopify\"}"));

        PostableAlert posted = PostableAlert.of(record, LINKS, ENDS);

        assertThat(posted.labels())
                .containsEntry("alertname", "OVERSELL")
                .containsEntry("severity", "CRITICAL")
                .containsEntry("alert_id", "a-1")
                .containsEntry("sku", "SKU 1")
                .containsEntry("location", "WH-1")
                .containsEntry("channel", "shopify")
                .containsEntry("source", "stockflow")
                .doesNotContainKey("order_id");
        assertThat(posted.annotations())
                .containsEntry("link", "http://127.0.0.1:8070/skus/SKU%201")
                .containsEntry("evidence", "{\"score\":7.5}")
                .containsEntry("observed", "3")
                .containsEntry("expected", "0.5")
                .containsEntry("event_time", "2026-12-01T10:00:00Z")
                .containsKey("message");
        assertThat(posted.startsAt()).isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
        assertThat(posted.endsAt()).isEqualTo(ENDS);
    }

    @Test
    void theLinkIsTheOrdersTimelineWhenTheAlertNamesAnOrderElseTheAlertsOfItsTypeAndChannel() throws Exception {
        AlertRecord order = AlertRecord.read(
                alert("a-2", "SHIP_SLA_BREACH", "CRITICAL", "{\"order_id\":\"shopify:1001\",\"sku\":\"S\"}"));
        AlertRecord channel = AlertRecord.read(alert("a-3", "FEED_SILENT", "CRITICAL", "{\"channel\":\"amazon\"}"));

        assertThat(LINKS.of(order)).isEqualTo("http://127.0.0.1:8070/orders/shopify%3A1001");
        assertThat(LINKS.of(channel)).isEqualTo("http://127.0.0.1:8070/alerts?type=FEED_SILENT&channel=amazon");
        assertThat(PostableAlert.of(order, LINKS, ENDS).labels()).containsEntry("order_id", "shopify:1001");
    }

    @Test
    void theCarrierAndTheOrdersStageFromTheEvidenceAreLabelsForInhibition() throws Exception {
        AlertRecord stuck = AlertRecord.read(alert("a-5", "STUCK_ORDER", "WARNING", "{\"order_id\":\"ebay:7\"}")
                .replace("{\"score\":7.5}", "{\"stage\":\"SHIPPED\",\"carrier\":\"UPS\"}"));
        AlertRecord late = AlertRecord.read(alert("a-6", "DELIVERY_SLA_BREACH", "CRITICAL", "{\"order_id\":\"ebay:8\"}")
                .replace("{\"score\":7.5}", "{\"last_state\":\"IN_TRANSIT\",\"carrier\":\"DHL\"}"));
        AlertRecord silent = AlertRecord.read(alert("a-7", "CARRIER_SILENT", "CRITICAL", "{}")
                .replace("{\"score\":7.5}", "{\"orders\":3,\"carrier\":\"UPS\"}"));
        AlertRecord other = AlertRecord.read(alert("a-8", "OVERSELL", "CRITICAL", "{\"sku\":\"S\"}")
                .replace("{\"score\":7.5}", "{\"stage\":7,\"carrier\":\"\"}"));

        assertThat(PostableAlert.of(stuck, LINKS, ENDS).labels())
                .containsEntry("carrier", "UPS")
                .containsEntry("stage", "SHIPPED");
        assertThat(PostableAlert.of(late, LINKS, ENDS).labels())
                .containsEntry("carrier", "DHL")
                .containsEntry("stage", "IN_TRANSIT");
        assertThat(PostableAlert.of(silent, LINKS, ENDS).labels())
                .containsEntry("carrier", "UPS")
                .doesNotContainKey("stage");
        assertThat(PostableAlert.of(other, LINKS, ENDS).labels())
                .as("a stage that is no text and an empty carrier are no labels")
                .doesNotContainKeys("carrier", "stage");
    }

    @Test
    void theRequestBodyIsAnArrayInAlertmanagersShape() throws Exception {
        AlertRecord record = AlertRecord.read(alert("a-4", "LOW_STOCK", "WARNING", "{\"sku\":\"S\"}"));

        JsonNode body =
                new ObjectMapper().readTree(PostableAlert.toJson(List.of(PostableAlert.of(record, LINKS, ENDS))));

        assertThat(body.isArray()).isTrue();
        assertThat(body.get(0).path("labels").path("alertname").asText()).isEqualTo("LOW_STOCK");
        assertThat(body.get(0).path("startsAt").asText()).isEqualTo("2026-12-01T10:00:00Z");
        assertThat(body.get(0).path("endsAt").asText()).isEqualTo("2026-12-01T11:00:00Z");
        assertThat(body.get(0).path("generatorURL").asText()).isEqualTo("http://127.0.0.1:8070/skus/S");
    }

    @Test
    void anAlertNeverEndsBeforeItStarts() throws Exception {
        AlertRecord record = AlertRecord.read(alert("a-5", "LOW_STOCK", "WARNING", "{\"sku\":\"S\"}"));
        Instant before = Instant.parse("2026-12-01T09:00:00Z");

        PostableAlert posted = PostableAlert.of(record, LINKS, before);

        assertThat(posted.startsAt()).isEqualTo(before);
    }

    @Test
    void aResolvedStatusEndsTheAlertAtItsResolutionAndOtherFieldsAreIgnored() throws Exception {
        AlertRecord record = AlertRecord.read("{\"alert_id\":\"o-1\",\"type\":\"OVERSELL\",\"severity\":\"CRITICAL\","
                + "\"subject\":{\"sku\":\"S\"},\"event_time\":\"2026-12-01T10:00:00Z\",\"detected_at\":"
                + "\"2026-12-01T10:00:00Z\",\"message\":\"m\",\"evidence\":{},\"status\":\"RESOLVED\","
                + "\"resolved_at\":\"2026-12-01T12:00:00Z\",\"lines\":12}");

        assertThat(record.resolved()).isTrue();
        assertThat(record.resolvedAt()).isEqualTo(Instant.parse("2026-12-01T12:00:00Z"));
    }

    @Test
    void anUnreadableRecordSaysWhy() {
        assertThatThrownBy(() -> AlertRecord.read("{\"type\":\"OVERSELL\"}"))
                .isInstanceOf(AlertRecord.Unreadable.class)
                .hasMessage("missing field: $.alert_id");
        assertThatThrownBy(() -> AlertRecord.read("nope"))
                .isInstanceOf(AlertRecord.Unreadable.class)
                .hasMessageStartingWith("not JSON");
        assertThatThrownBy(() -> AlertRecord.read(alert("a", "T", "INFO", "{}").replace("2026-12-01T10:00:00Z", "x")))
                .hasMessage("not an ISO-8601 instant: $.event_time = x");
    }
}
