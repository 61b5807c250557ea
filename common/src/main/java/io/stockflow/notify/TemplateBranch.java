package io.stockflow.notify;

import java.io.Serializable;
import java.util.Map;
import java.util.Set;

/**
 * One branch of a notification kind: conditions (null: any) and the template it selects, with fixed variables such
 * as what the customer should do next. The first branch whose conditions all hold is taken.
 */
public final class TemplateBranch implements Serializable {
    private static final long serialVersionUID = 1L;

    public final String name;
    public final String template;
    public final Boolean highValue;
    public final Set<String> serviceLevels;
    public final Boolean repeated;
    public final Set<String> statuses;
    public final Map<String, String> variables;

    public TemplateBranch(
            String name,
            String template,
            Boolean highValue,
            Set<String> serviceLevels,
            Boolean repeated,
            Set<String> statuses,
            Map<String, String> variables) {
        this.name = name;
        this.template = template;
        this.highValue = highValue;
        this.serviceLevels = serviceLevels == null ? null : Set.copyOf(serviceLevels);
        this.repeated = repeated;
        this.statuses = statuses == null ? null : Set.copyOf(statuses);
        this.variables = Map.copyOf(variables);
    }

    public boolean matches(NotificationFacts f) {
        return (highValue == null || highValue == f.highValue)
                && (serviceLevels == null || (f.serviceLevel != null && serviceLevels.contains(f.serviceLevel)))
                && (repeated == null || repeated == f.repeated)
                && (statuses == null || (f.status != null && statuses.contains(f.status)));
    }
}
