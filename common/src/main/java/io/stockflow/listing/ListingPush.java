package io.stockflow.listing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The quantity one listing target should show, computed from one availability version of its SKU: what the sync job's
 * SKU step hands to its listing-target step, and that step to the channel pushes. A Flink POJO: the listing's ids
 * travel as sorted {@code field=value} strings, since the channel's own ids are all strings.
 */
public class ListingPush {
    /** The listing target's key: channel, listing ids and target; one {@link ListingSyncState} each. */
    public String targetKey;

    public String sku;
    /** The channel's wire name ({@code shopify}, ...). */
    public String channel;

    public List<String> listingIds = new ArrayList<>();
    /** A Shopify location GID; null for channels that keep one quantity per listing. */
    public String target;
    /** Units the channel may sell before its buffer. */
    public long sellable;

    public long quantity;
    public long version;
    /** When the availability this comes from was true (epoch millis). */
    public long asOf;
    /**
     * A reconciliation, not a push: the channel's quantity is read back and compared with {@link #quantity}, the one
     * last pushed with {@link #version}.
     */
    public boolean check;
    /**
     * What the channel was last seen to show, when known: a correction after a drift sets the quantity only if the
     * channel still shows that (compare-and-set where the channel has it: Shopify). Null sets without a check.
     */
    public Long expected;

    public ListingPush() {}

    public static ListingPush of(ListedQuantity listed, long version, long asOf) {
        ListingPush p = new ListingPush();
        Listing listing = listed.listing();
        p.sku = listing.sku();
        p.channel = listing.channel().wireName();
        new TreeMap<>(listing.ids()).forEach((field, value) -> p.listingIds.add(field + "=" + value));
        p.target = listed.target();
        p.sellable = listed.sellable();
        p.quantity = listed.quantity();
        p.version = version;
        p.asOf = asOf;
        p.targetKey = p.channel + "|" + String.join(",", p.listingIds) + "|" + (p.target == null ? "" : p.target);
        return p;
    }

    public Channel channel() {
        return Channel.of(channel);
    }

    /** The listing again, with the channel's own ids. */
    public Listing listing() {
        return new Listing(sku, channel(), ids());
    }

    public Map<String, String> ids() {
        Map<String, String> ids = new LinkedHashMap<>();
        for (String pair : listingIds) {
            int eq = pair.indexOf('=');
            ids.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return ids;
    }

    /** A reconciliation of this target: is the channel still showing {@code quantity}, pushed with {@code version}? */
    public ListingPush check(long quantity, long version) {
        ListingPush p = new ListingPush();
        p.targetKey = targetKey;
        p.sku = sku;
        p.channel = channel;
        p.listingIds = new ArrayList<>(listingIds);
        p.target = target;
        p.sellable = sellable;
        p.quantity = quantity;
        p.version = version;
        p.asOf = asOf;
        p.check = true;
        return p;
    }

    @Override
    public String toString() {
        return (check ? "check " : "") + targetKey + " " + sku + "=" + quantity + " v" + version;
    }
}
