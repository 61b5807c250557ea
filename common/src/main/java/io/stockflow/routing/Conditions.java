package io.stockflow.routing;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What an order must be for a rule to apply. Every kind is optional (empty or null: no restriction); the kinds given
 * must all hold (AND), within a kind one listed value suffices (OR). Regions are ISO 3166-2 ({@code "US-CA"}).
 * {@code valueCurrency} null means the bounds apply to a total in any currency.
 */
public record Conditions(
        Set<String> channels,
        Set<String> countries,
        Set<String> regions,
        List<String> postcodePrefixes,
        Set<String> serviceLevels,
        BigDecimal minValue,
        BigDecimal maxValue,
        String valueCurrency,
        List<Glob> skus)
        implements Serializable {

    public static final Conditions ANY =
            new Conditions(Set.of(), Set.of(), Set.of(), List.of(), Set.of(), null, null, null, List.of());

    public Conditions {
        channels = Set.copyOf(channels);
        countries = Set.copyOf(countries);
        regions = Set.copyOf(regions);
        postcodePrefixes = List.copyOf(postcodePrefixes);
        serviceLevels = Set.copyOf(serviceLevels);
        skus = List.copyOf(skus);
    }

    /** Whether the order meets every given kind; {@code serviceLevel} is the order's level after defaults. */
    public boolean matches(RoutingRequest order, String serviceLevel) {
        if (!channels.isEmpty() && (order.channel() == null || !channels.contains(order.channel()))) return false;
        if (!countries.isEmpty() && (order.shipCountry() == null || !countries.contains(upper(order.shipCountry())))) {
            return false;
        }
        if (!regions.isEmpty()) {
            if (order.shipCountry() == null || order.shipRegion() == null) return false;
            if (!regions.contains(upper(order.shipCountry()) + "-" + upper(order.shipRegion()))) return false;
        }
        if (!postcodePrefixes.isEmpty()) {
            String postcode = Zone.normalizePostcode(order.shipPostcode());
            if (postcode == null
                    || postcodePrefixes.stream().noneMatch(p -> postcode.startsWith(Zone.normalizePostcode(p)))) {
                return false;
            }
        }
        if (!serviceLevels.isEmpty() && !serviceLevels.contains(serviceLevel)) return false;
        if (minValue != null || maxValue != null) {
            BigDecimal value = order.orderValue();
            if (value == null) return false;
            if (valueCurrency != null && !valueCurrency.equalsIgnoreCase(String.valueOf(order.currency())))
                return false;
            if (minValue != null && value.compareTo(minValue) < 0) return false;
            if (maxValue != null && value.compareTo(maxValue) > 0) return false;
        }
        if (!skus.isEmpty()) {
            boolean any = order.lines().keySet().stream()
                    .anyMatch(sku -> skus.stream().anyMatch(g -> g.matches(sku)));
            if (!any) return false;
        }
        return true;
    }

    private static String upper(String text) {
        return text.trim().toUpperCase(Locale.ROOT);
    }
}
