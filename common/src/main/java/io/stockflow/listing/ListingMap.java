package io.stockflow.listing;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A version of the listing map: for each configured channel the rules its listed quantities follow, and for each SKU
 * the listing that carries it on each channel. Read by {@link ListingMapParser}, which refuses an invalid document
 * whole.
 */
public record ListingMap(
        String version,
        long effectiveFrom,
        String description,
        Map<Channel, ChannelRules> channels,
        Map<String, Map<Channel, Listing>> listingsBySku)
        implements Serializable {

    /** The SKU's listings by channel; empty for a SKU the map does not list (it is then sent to no channel). */
    public Map<Channel, Listing> listingsOf(String sku) {
        return listingsBySku.getOrDefault(sku, Map.of());
    }

    public Set<String> skus() {
        return listingsBySku.keySet();
    }

    /**
     * What each channel that lists the SKU should show, from the SKU's available units per stockflow location and in
     * the whole network ({@code "*"}): per target, the available units of the locations that feed it (each counted
     * from 0 up: a location short of stock takes nothing from another), never more than the network has, after the
     * channel's buffer.
     */
    public List<ListedQuantity> quantities(String sku, Map<String, Long> availableByLocation, long networkAvailable) {
        long network = Math.max(0, networkAvailable);
        return listingsOf(sku).values().stream()
                .flatMap(listing -> {
                    ChannelRules rules = channels.get(listing.channel());
                    return rules.feeds().stream().map(feed -> {
                        long fed = 0;
                        for (String location : feed.fedBy()) {
                            fed += Feed.EVERY_LOCATION.equals(location)
                                    ? network
                                    : Math.max(0, availableByLocation.getOrDefault(location, 0L));
                        }
                        long sellable = Math.min(fed, network);
                        return new ListedQuantity(
                                listing, feed.target(), sellable, rules.buffer().listed(sellable));
                    });
                })
                .toList();
    }
}
