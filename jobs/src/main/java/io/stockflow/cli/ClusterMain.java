package io.stockflow.cli;

/**
 * The entry point a cluster runs when a job is submitted through its REST API: the same commands as
 * {@link Stockflow}, but it never calls {@code System.exit} (that would stop the JobManager that runs it) and a failure
 * reaches the submitter as an exception with its cause.
 */
public final class ClusterMain {
    private ClusterMain() {}

    public static void main(String[] args) throws Exception {
        int code = Stockflow.commandLine().setExecutionExceptionHandler((e, cmd, parsed) -> {
            throw e;
        }).execute(args);
        if (code != 0) throw new IllegalArgumentException("stockflow " + String.join(" ", args) + " exited with " + code);
    }
}
