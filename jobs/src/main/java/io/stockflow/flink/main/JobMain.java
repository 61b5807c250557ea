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
        // What the job says is wrong (a bad option, a missing file) goes into the exception, which the cluster returns
        // to the submitter; on the JobManager's stderr nobody would read it.
        java.io.StringWriter said = new java.io.StringWriter();
        int code = new CommandLine(new RunCommand())
                .setErr(new java.io.PrintWriter(said, true))
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    throw e;
                })
                .execute(args);
        if (code != 0) {
            String reason = said.toString()
                    .lines()
                    .filter(l -> !l.isBlank())
                    .findFirst()
                    .orElse("exit code " + code);
            throw new IllegalArgumentException("stockflow job " + args[0] + ": " + reason);
        }
    }
}
