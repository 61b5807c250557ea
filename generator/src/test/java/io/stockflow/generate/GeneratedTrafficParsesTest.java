package io.stockflow.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.stockflow.ingest.FulfilmentParser;
import io.stockflow.ingest.IngestLimits;
import io.stockflow.ingest.MovementParser;
import io.stockflow.ingest.OrderEnvelopeParser;
import io.stockflow.json.InvalidRecordException;
import io.stockflow.model.FulfilmentEvent;
import io.stockflow.model.OrderEvent;
import io.stockflow.model.OrderEventType;
import io.stockflow.model.OrderLine;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Everything the generator means as usable, stockflow's parsers accept; everything labelled bad, they refuse. */
class GeneratedTrafficParsesTest {
    private static List<GeneratedRecord> day;
    private final OrderEnvelopeParser orders = new OrderEnvelopeParser(IngestLimits.DEFAULTS);
    private final MovementParser movements = new MovementParser(IngestLimits.DEFAULTS);
    private final FulfilmentParser fulfilments = new FulfilmentParser(IngestLimits.DEFAULTS);

    @BeforeAll
    static void generate() {
        day = Traffic.all(Traffic.oneDay(42));
    }

    private Object parse(GeneratedRecord r) throws InvalidRecordException {
        byte[] bytes = r.value.getBytes(StandardCharsets.UTF_8);
        switch (r.topic) {
            case GeneratedRecord.ORDERS_RAW:
                return orders.parse(bytes);
            case GeneratedRecord.INVENTORY_MOVEMENTS:
                return movements.parse(bytes);
            case GeneratedRecord.FULFILMENT_EVENTS:
                return fulfilments.parse(bytes);
            default:
                throw new AssertionError(r.topic);
        }
    }

    @Test
    void everyUsableRecordParses() {
        for (GeneratedRecord r : day) {
            if (r.isBad()) continue;
            try {
                assertThat(parse(r)).as("parsed %s", r).isNotNull();
            } catch (InvalidRecordException e) {
                fail("refused: " + e.getMessage() + "\n" + r);
            }
        }
    }

    @Test
    void everyBadRecordIsRefused() {
        int refused = 0;
        for (GeneratedRecord r : day) {
            if (!r.isBad()) continue;
            try {
                Object parsed = parse(r);
                assertThat(parsed)
                        .as("a %s record was accepted: %s", r.label, r)
                        .isNull();
            } catch (InvalidRecordException e) {
                refused++;
            }
        }
        assertThat(refused).isGreaterThan(50);
    }

    @Test
    void parsedOrdersTellTheSameStoryAsTheGenerator() throws InvalidRecordException {
        Map<String, OrderEvent> placed = new HashMap<>();
        Set<String> firstEventIds = new HashSet<>();
        for (GeneratedRecord r : day) {
            if (r.isBad()) continue;
            if (r.topic.equals(GeneratedRecord.ORDERS_RAW)) {
                OrderEvent e = orders.parse(r.value.getBytes(StandardCharsets.UTF_8));
                Traffic.OrderEnvelope envelope = Traffic.order(r);
                assertThat(e.orderId).isEqualTo(envelope.orderId);
                assertThat(e.receivedAt).isEqualTo(r.eventTime);
                assertThat(e.eventTime).as("event time of %s", r).isLessThanOrEqualTo(r.eventTime);
                if (r.isDuplicate()) {
                    // a retried delivery gets the event id of its first delivery, so it is dropped downstream
                    assertThat(firstEventIds).contains(e.eventId);
                    continue;
                }
                assertThat(firstEventIds.add(e.eventId))
                        .as("event id reused: %s", r)
                        .isTrue();
                switch (envelope.step) {
                    case CREATE:
                        assertThat(e.type).isEqualTo(OrderEventType.PLACED);
                        assertThat(e.lines).isNotEmpty();
                        assertThat(e.shipCountry).isIn("US", "CA", "GB", "DE", "FR");
                        assertThat(e.shipPostcode).isNotBlank();
                        if (!e.channel.equals("amazon")) {
                            // Amazon's notification carries neither the buyer nor prices
                            assertThat(e.customerEmailHash).isNotNull();
                            assertThat(e.customerPhoneHash).isNotNull();
                            assertThat(e.total).isNotNull();
                            assertThat(e.currency).isNotNull();
                            assertThat(e.lines)
                                    .allSatisfy(l -> assertThat(l.unitPrice).isNotNull());
                        }
                        placed.put(e.orderId, e);
                        break;
                    case CANCEL:
                        assertThat(e.type).isEqualTo(OrderEventType.CANCELLED);
                        assertThat(e.eventTime).isGreaterThan(placed.get(e.orderId).eventTime);
                        break;
                    case SHIP:
                        assertThat(e.type).isEqualTo(OrderEventType.SHIPPED);
                        assertThat(e.fulfilledBy).isEqualTo(OrderEvent.MARKETPLACE);
                        assertThat(placed.get(e.orderId).fulfilledBy).isEqualTo(OrderEvent.MARKETPLACE);
                        assertThat(e.eventTime).isGreaterThan(placed.get(e.orderId).eventTime);
                        break;
                    case RETURN:
                        // the SKU is the order's: the inventory job resolves the line named by listing and transaction
                        assertThat(e.type).isEqualTo(OrderEventType.REFUNDED);
                        assertThat(e.eventTime).isGreaterThan(placed.get(e.orderId).eventTime);
                        assertThat(e.marketplaceLines)
                                .allSatisfy(line -> assertThat(placed.get(e.orderId).marketplaceLines)
                                        .extracting(l -> l.ref)
                                        .contains(line.ref));
                        break;
                    default:
                        assertThat(e.type).isEqualTo(OrderEventType.REFUNDED);
                        assertThat(e.eventTime).isGreaterThan(placed.get(e.orderId).eventTime);
                        assertThat(e.lines)
                                .allSatisfy(line -> assertThat(placed.get(e.orderId).lines)
                                        .extracting(l -> l.sku)
                                        .contains(line.sku));
                }
            } else if (r.topic.equals(GeneratedRecord.FULFILMENT_EVENTS)) {
                FulfilmentEvent f = fulfilments.parse(r.value.getBytes(StandardCharsets.UTF_8));
                OrderEvent order = placed.get(f.orderId);
                assertThat(order).as("shipment of an order not placed: %s", r).isNotNull();
                assertThat(f.lines)
                        .containsExactlyInAnyOrderElementsOf(order.lines.stream()
                                .map(l -> new OrderLine(l.sku, l.quantity, null))
                                .toList());
                assertThat(f.occurredAt).isGreaterThan(order.eventTime);
            }
        }
    }
}
