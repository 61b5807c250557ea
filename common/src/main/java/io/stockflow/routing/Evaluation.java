package io.stockflow.routing;

import java.io.Serializable;
import java.util.List;

/**
 * What the rule set says about one order: the rule that decides ({@code ruleId}; {@code fallback} when no rule's
 * conditions held), every rule whose conditions held, the order's service level and zone (null when in no zone), the
 * ranked candidates with their figures, the locations left out and why, and the split policy to plan with.
 */
public record Evaluation(
        String ruleSetVersion,
        String ruleId,
        boolean fallback,
        List<String> matchedRuleIds,
        List<Criterion> rankBy,
        String serviceLevel,
        String zone,
        List<Candidate> ranking,
        List<Exclusion> excluded,
        SplitPolicy split)
        implements Serializable {

    public Evaluation {
        matchedRuleIds = List.copyOf(matchedRuleIds);
        rankBy = List.copyOf(rankBy);
        ranking = List.copyOf(ranking);
        excluded = List.copyOf(excluded);
    }

    /** The candidate at {@code location}, or null. */
    public Candidate candidate(String location) {
        for (Candidate c : ranking) {
            if (c.location().equals(location)) return c;
        }
        return null;
    }
}
