package io.stockflow.flink.main;

import picocli.CommandLine;

/**
 * The job jar's entry point: {@code JOB [options]}, as {@code stockflow run} takes them. A cluster runs it when a job
 * is submitted ({@code stockflow submit}, the REST API, {@code flink run}); it never calls {@code System.exit} (that
 * would stop the JobManager that runs it), and a failure reaches the submitter as an exception with its cause.
 */
public final class JobMain {
    private JobMain() {}

    public static void main(String[] args) {
        int code = new CommandLine(new RunCommand())
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    throw e;
                })
                .execute(args);
        if (code != 0)
            throw new IllegalArgumentException("stockflow job " + String.join(" ", args) + " exited with " + code);
    }
}
