package io.stockflow.lifecycle;

import java.io.Serializable;
import java.util.Map;

/** For one channel: working days of handling before ship-by, and of transit before deliver-by, per service level. */
public final class ServicePromise implements Serializable {
    private static final long serialVersionUID = 1L;

    public final Map<String, Integer> handlingDays;
    public final Map<String, Integer> transitDays;

    public ServicePromise(Map<String, Integer> handlingDays, Map<String, Integer> transitDays) {
        this.handlingDays = Map.copyOf(handlingDays);
        this.transitDays = Map.copyOf(transitDays);
    }
}
