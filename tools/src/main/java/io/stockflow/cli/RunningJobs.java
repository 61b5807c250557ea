package io.stockflow.cli;

import io.stockflow.cluster.FlinkRest.JobSummary;
import java.util.List;
import java.util.Set;

/** A cluster's jobs that are not over, found by job id or by the name a stockflow job runs under. */
final class RunningJobs {
    /** The states after which a job runs no more. */
    static final Set<String> TERMINAL = Set.of("FINISHED", "CANCELED", "FAILED");

    private RunningJobs() {}

    /** The jobs not over whose id is {@code job}, or whose name is {@code job} or {@code stockflow <job>}. */
    static List<JobSummary> matching(List<JobSummary> jobs, String job) {
        return jobs.stream()
                .filter(j -> !TERMINAL.contains(j.state()))
                .filter(j -> j.id().equals(job)
                        || j.name().equals("stockflow " + job)
                        || j.name().equals(job))
                .toList();
    }
}
