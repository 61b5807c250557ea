package io.stockflow.generate;

import io.stockflow.model.MovementType;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What {@link TrafficGenerator} produces: a plain settings object, public fields with realistic defaults. The same
 * settings (seed included) always give the same records.
 */
public class GeneratorSettings {
    /** Seed of every random choice. */
    public long seed = 42;
    /** Event time of the first record (the initial stock). */
    public Instant start = Instant.parse("2026-11-02T00:00:00Z");
    /** Orders are placed in {@code [start, start + duration)}; so are stock receipts. */
    public Duration duration = Duration.ofDays(1);
    /**
     * When true (the default), the cancellations, shipments and refunds of orders placed before the end still follow
     * after it, so every order's story is complete; when false, nothing is produced at or after the end.
     */
    public boolean completeLifecycles = true;

    /** Average orders per hour over a week; the hour of day and the day of week shape it (see {@link #seasonality}). */
    public double ordersPerHour = 200;
    /** Number of SKUs, {@code SKU-00001} (the best seller) to {@code SKU-00050}. */
    public int skus = 50;
    /** Zipf exponent of SKU popularity: the SKU of rank k sells in proportion to 1/k^s. */
    public double skuPopularityExponent = 1.0;
    /** Stock locations: initial stock and receipts go to each, shipments leave from one of them. */
    public List<String> locations = new ArrayList<>(List.of("WH-EAST", "WH-WEST", "STORE-NYC"));
    /** Share of orders per marketplace: shopify, amazon, ebay, woocommerce. Shares are normalized. */
    public Map<String, Double> channelMix = defaultChannelMix();

    /** Share of {@code orders.raw} envelopes delivered a second time, later (a marketplace retry). Label {@code duplicate}. */
    public double duplicateRate = 0.03;
    /** About this share of all records is unusable (broken JSON, bad quantities, ...). Labels {@code bad:*}. */
    public double badRecordRate = 0.01;
    /** Share of orders cancelled, minutes to hours after they were placed; a cancelled order never ships. */
    public double cancelRate = 0.05;
    /**
     * Share of orders that are not cancelled and get a refund days after shipping: a return or a refund without
     * return. Shopify also refunds part of an order that did not ship (restock {@code cancel}), and WooCommerce too;
     * Amazon and eBay refund only what shipped. Shopify {@code refunds/create}, WooCommerce {@code refund.created},
     * eBay the order polled again with its refund (and, for a returned item, the Post-Order {@code return} the seller
     * received back, restockable nine times in ten), Amazon {@code REFUND_EVENT} (an order Amazon fulfils:
     * {@code FBA_CUSTOMER_RETURN}). A unit returned to the shop's warehouse without the marketplace saying it
     * restocks (Amazon's) is booked by the warehouse as {@code RETURN_RESTOCK}.
     */
    public double refundRate = 0.03;
    /** Share of Amazon orders that Amazon fulfils from its own warehouses (FBA, {@code FulfillmentType} AFN). */
    public double fbaShare = 0.2;
    /** Share of orders not cancelled that get a warehouse {@code SHIPPED} event, within hours. */
    public double shipRate = 0.9;

    /**
     * Stock per SKU and location at {@link #start}: at least this many units, more for SKUs that sell faster
     * (two replenishment intervals of their expected demand).
     */
    public long initialStock = 200;
    /** How the initial stock arrives: {@code COUNT} (a physical count, the default) or {@code RECEIPT}. */
    public MovementType initialStockType = MovementType.COUNT;
    /** A truck arrives at each location every interval with {@code RECEIPT}s for the SKUs it needs. */
    public Duration replenishmentInterval = Duration.ofHours(6);
    /** Receipts bring in this multiple of the expected demand of one interval (on average, in whole cases). */
    public double replenishmentCover = 1.0;
    /** Receipts come in whole cases of this many units. */
    public int caseSize = 12;

    /** When true, nights are quieter than evenings and weekends busier than weekdays; when false, the rate is flat. */
    public boolean seasonality = true;
    /** Order rate of a Saturday or Sunday relative to a weekday. */
    public double weekendBoost = 1.3;
    /** Time zone whose clock gives the hour of day and the day of week of the seasonality. */
    public ZoneId seasonalityZone = ZoneId.of("America/New_York");

    /**
     * Day-to-day variation of the whole shop's traffic, beyond Poisson noise: each day's rate is multiplied by a
     * log-normal factor of mean 1 and this coefficient of variation (weather, campaigns, the news). 0: none.
     */
    public double dayToDayVariation = 0;
    /** Day-to-day variation of each SKU's popularity, beyond the shop's (a mention, a competitor out of stock). */
    public double skuDayToDayVariation = 0;
    /**
     * Spread of the SKUs' trends: each SKU's popularity grows or shrinks by a factor {@code exp(g)} a week, {@code g}
     * drawn normal with this standard deviation. 0: no trends.
     */
    public double trendPerWeek = 0;
    /** Days (on the shop's clock) busier than their weekday by {@link #holidayBoost}: holidays, sales days. */
    public List<java.time.LocalDate> holidays = new ArrayList<>();

    public double holidayBoost = 1.6;
    /** Share of new customers who live in the building of an earlier one (apartment blocks, offices, dorms). */
    public double sharedBuildingShare = 0;
    /**
     * When injecting anomalies, also refund waves that build slowly: a low-volume SKU's returns rising from its
     * usual few percent to about half its orders over a day and a half, about ten in all.
     */
    public boolean slowRefundWaves = true;

    /**
     * Shopify's numeric location id for a stockflow location, used as the {@code location_id} of refund lines that
     * restock. Empty by default, and then refund lines carry {@code "location_id": null}: the project's parser takes
     * that field verbatim as a stockflow location, and a number would name a location the ledger does not know.
     */
    public Map<String, Long> shopifyLocationIds = new LinkedHashMap<>();

    /**
     * When true, anomalies of every type the anomalies job detects are injected after {@link #anomalyWarmUp} (demand
     * spikes and drops, silent channels, suspicious orders, refund waves, shrinkage found by counts), and the run
     * reports them as {@link AnomalyLabel}s. Off by default: the traffic is then as it always was.
     */
    public boolean injectAnomalies = false;
    /**
     * Share of orders placed by a customer who ordered before, drawn from the last 4096 customers. At high rates keep
     * it small: a real shop's customer base is far larger, and otherwise one buyer's orders bunch up into "bursts".
     */
    public double returningCustomerShare = 0.2;
    /**
     * Returning customers are drawn only once this many customers have bought. With 1 a run's first minutes draw the
     * same few customers again and again, which looks like bursts of orders from one buyer; a scenario that measures
     * burst detection (with or without injected anomalies) starts with more.
     */
    public int returningAfter = 1;
    /** Normal traffic before the first injected anomaly, for the detectors to learn what normal is. */
    public Duration anomalyWarmUp = Duration.ofDays(1);

    /**
     * When true, every shipped parcel gets carrier updates on {@code carrier.tracking} (EasyPost trackers: in transit,
     * out for delivery, delivered; a few days late now and then), except parcels of {@link #silentCarriers}. Off by
     * default: the traffic is then as it always was.
     */
    public boolean carrierTracking = false;
    /** Carriers that never report (with {@link #carrierTracking}): names as on the shipments, e.g. {@code USPS}. */
    public Set<String> silentCarriers = new TreeSet<>();
    /**
     * A SKU that sells out: a physical count finds none of it at any location {@link #soldOutFrom} after the start, and
     * no receipt brings any for {@link #soldOutFor}; orders keep asking for it. Null: none.
     */
    public String soldOutSku;

    public Duration soldOutFrom = Duration.ofDays(1);
    public Duration soldOutFor = Duration.ofDays(2);

    public static Map<String, Double> defaultChannelMix() {
        Map<String, Double> mix = new LinkedHashMap<>();
        mix.put("shopify", 0.40);
        mix.put("amazon", 0.30);
        mix.put("ebay", 0.15);
        mix.put("woocommerce", 0.15);
        return mix;
    }

    /** The ids of the catalogue's SKUs, best seller first: what a listing map or a channel lists for this traffic. */
    public List<String> skuIds() {
        List<String> ids = new ArrayList<>(skus);
        for (int i = 0; i < skus; i++) ids.add(Catalog.id(i));
        return ids;
    }
}
