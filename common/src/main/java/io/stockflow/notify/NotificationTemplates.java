package io.stockflow.notify;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The notification templates (configuration: {@code notification-templates.json}): per kind, ordered branches; the
 * locale from the ship-to country; what counts as a high-value order per currency. A kind without branches is not
 * sent at all.
 */
public final class NotificationTemplates implements Serializable {
    private static final long serialVersionUID = 1L;
    public static final String DEFAULT = "default";

    public final String version;
    public final String defaultLocale;
    private final Map<String, String> localeByCountry;
    private final Map<String, BigDecimal> highValueFrom;
    private final EnumMap<NotificationKind, List<TemplateBranch>> branches;

    public NotificationTemplates(
            String version,
            String defaultLocale,
            Map<String, String> localeByCountry,
            Map<String, BigDecimal> highValueFrom,
            Map<NotificationKind, List<TemplateBranch>> branches) {
        this.version = version;
        this.defaultLocale = defaultLocale;
        this.localeByCountry = Map.copyOf(localeByCountry);
        this.highValueFrom = Map.copyOf(highValueFrom);
        this.branches = branches.isEmpty() ? new EnumMap<>(NotificationKind.class) : new EnumMap<>(branches);
    }

    public String locale(String shipCountry) {
        if (shipCountry == null) return defaultLocale;
        return localeByCountry.getOrDefault(shipCountry.toUpperCase(Locale.ROOT), defaultLocale);
    }

    /** Whether an order total counts as high value in its currency (the default threshold for other currencies). */
    public boolean highValue(String total, String currency) {
        if (total == null) return false;
        BigDecimal from = currency == null ? null : highValueFrom.get(currency);
        if (from == null) from = highValueFrom.get(DEFAULT);
        if (from == null) return false;
        try {
            return new BigDecimal(total).compareTo(from) >= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The first matching branch of the kind, or null when the kind is not sent (or no branch matches). */
    public TemplateChoice choose(NotificationKind kind, NotificationFacts facts, String shipCountry) {
        List<TemplateBranch> options = branches.get(kind);
        if (options == null) return null;
        for (TemplateBranch b : options) {
            if (b.matches(facts)) return new TemplateChoice(b, locale(shipCountry));
        }
        return null;
    }
}
