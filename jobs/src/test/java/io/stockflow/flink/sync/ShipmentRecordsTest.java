package io.stockflow.flink.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockflow.codec.OutputJson;
import io.stockflow.codec.ShipmentSyncJson;
import io.stockflow.flink.io.Topics;
import io.stockflow.shipments.OrderAction;
import io.stockflow.shipments.ShipmentSyncAlerts;
import io.stockflow.shipments.ShipmentSyncRecord;
import io.stockflow.testing.ContractSchemas;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A channel.shipments record conforms to its schema and reads back as written; a failed call's alert to its own. */
class ShipmentRecordsTest {
    static ShipmentSyncRecord shipment() {
        ShipmentSyncRecord r = new ShipmentSyncRecord();
        r.action = OrderAction.CONFIRM_SHIPMENT;
        r.orderId = "ebay:12-34";
        r.channel = "ebay";
        r.marketplaceOrderId = "12-34";
        r.shipmentId = "ful-1";
        r.carrier = "USPS";
        r.trackingCode = "9400111";
        r.units = 2;
        r.status = "FAILED";
        r.attempts = 3;
        r.latencyMs = 1500;
        r.reason = "ebay getOrder: no usable answer after 3 attempts: 503";
        r.sentAt = 1_765_000_000_000L;
        return r;
    }

    static ShipmentSyncRecord cancellation() {
        ShipmentSyncRecord r = new ShipmentSyncRecord();
        r.action = OrderAction.CANCEL_ORDER;
        r.orderId = "shopify:1";
        r.channel = "shopify";
        r.marketplaceOrderId = "1";
        r.cancelReason = "stockflow rejected the order: nothing could be held";
        r.status = "ACCEPTED";
        r.foundOnChannel = true;
        r.attempts = 1;
        r.latencyMs = 20;
        r.sentAt = 1_765_000_000_000L;
        return r;
    }

    @Test
    void bothActionsConformToTheSchemaAndReadBackAsWritten() throws Exception {
        for (ShipmentSyncRecord r : new ShipmentSyncRecord[] {shipment(), cancellation()}) {
            String json = ShipmentSyncJson.write(r);
            assertThat(ContractSchemas.violations(Topics.CHANNEL_SHIPMENTS, json))
                    .as(json)
                    .isEmpty();
            assertThat(ShipmentSyncJson.read(json.getBytes(StandardCharsets.UTF_8)))
                    .usingRecursiveComparison()
                    .isEqualTo(r);
        }
    }

    @Test
    void aFailedConfirmationRaisesShipmentConfirmFailedNamingTheOrderAndParcel() {
        var alert = ShipmentSyncAlerts.failed(shipment(), 1_765_000_001_500L);
        String json = OutputJson.alert(alert);

        assertThat(ContractSchemas.violations(Topics.ALERTS, json)).isEmpty();
        assertThat(alert.type).isEqualTo(ShipmentSyncAlerts.SHIPMENT_CONFIRM_FAILED);
        assertThat(alert.message).contains("ebay:12-34").contains("ful-1").contains("USPS 9400111");
        assertThat(alert.alertId).isEqualTo(ShipmentSyncAlerts.failed(shipment(), 0).alertId);
        assertThat(ShipmentSyncAlerts.failed(cancellation(), 0).type).isEqualTo(ShipmentSyncAlerts.ORDER_CANCEL_FAILED);
    }
}
