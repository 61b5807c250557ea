package io.stockflow.lifecycle;

import io.stockflow.alert.AlertIds;
import io.stockflow.alert.Evidence;
import io.stockflow.notify.Notification;
import io.stockflow.notify.NotificationFacts;
import io.stockflow.notify.NotificationKind;
import io.stockflow.notify.NotificationTemplates;
import io.stockflow.notify.TemplateChoice;
import java.io.Serializable;
import java.util.Map;

/**
 * Builds customer notifications from an order's track and the templates: chooses the branch (high value, service
 * level, repeated delay, carrier status or SLA), the locale from the ship-to country, and fills the variables. Each
 * notification has a deterministic id from the order, the kind and what it is about, and is sent once: an order
 * remembers the ids it has sent. Orders without an email or phone hash get none.
 */
public final class CustomerNotices implements Serializable {
    private static final long serialVersionUID = 1L;
    private final NotificationTemplates templates;

    public CustomerNotices(NotificationTemplates templates) {
        this.templates = templates;
    }

    /**
     * A notification about {@code about} (null for kinds sent once per order), or null when it was sent before, the
     * order has no recipient, or the templates do not send it.
     */
    public Notification build(
            OrderTrack t,
            NotificationKind kind,
            String about,
            String status,
            Evidence variables,
            long eventTime,
            long now) {
        if (!t.known || (t.emailHash == null && t.phoneHash == null)) return null;
        String key = "note:" + kind + (about == null ? "" : ":" + about);
        if (t.isDone(key)) return null;
        NotificationFacts facts = new NotificationFacts();
        facts.highValue = templates.highValue(t.total, t.currency);
        facts.serviceLevel = t.serviceLevel;
        facts.repeated = t.delayNotices > 0;
        facts.status = status;
        TemplateChoice choice = templates.choose(kind, facts, t.shipCountry);
        if (choice == null) return null;
        t.markDone(key);
        Notification n = new Notification();
        n.notificationId = AlertIds.of("NOTIFY_" + kind.name(), t.orderId, about == null ? "" : about);
        n.kind = kind;
        n.orderId = t.orderId;
        n.channel = t.channel;
        n.template = choice.template;
        n.branch = choice.branch;
        n.locale = choice.locale;
        n.emailHash = t.emailHash;
        n.phoneHash = t.phoneHash;
        Evidence vars = Evidence.of("order_number", t.marketplaceOrderId != null ? t.marketplaceOrderId : t.orderId);
        if (variables != null) vars = variables.prefixedBy(vars);
        for (Map.Entry<String, String> fixed : choice.from.variables.entrySet())
            vars.and(fixed.getKey(), fixed.getValue());
        n.variablesJson = vars.toJson();
        n.eventTime = eventTime;
        n.createdAt = now;
        if (kind == NotificationKind.DELAY_NOTICE || kind == NotificationKind.SLA_APOLOGY) t.delayNotices++;
        if (kind.rank > t.notifiedRank) t.notifiedRank = kind.rank;
        return n;
    }
}
