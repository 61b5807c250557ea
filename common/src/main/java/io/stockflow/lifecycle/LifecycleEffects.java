package io.stockflow.lifecycle;

import io.stockflow.alert.Alert;
import io.stockflow.notify.Notification;
import java.util.ArrayList;
import java.util.List;

/** What one event or one deadline caused: alerts, customer notifications and SLA outcomes, in order. */
public final class LifecycleEffects {
    public final List<Alert> alerts = new ArrayList<>();
    public final List<Notification> notifications = new ArrayList<>();
    public final List<SlaOutcome> outcomes = new ArrayList<>();

    public boolean isEmpty() {
        return alerts.isEmpty() && notifications.isEmpty() && outcomes.isEmpty();
    }
}
