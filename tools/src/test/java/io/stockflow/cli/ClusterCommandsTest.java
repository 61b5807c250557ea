package io.stockflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockflow.cluster.FlinkRest;
import io.stockflow.flink.main.RunCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ClusterCommandsTest {
    @Test
    void aJobIsFoundByIdOrByTheNameItRunsUnderWhileItIsNotOver() {
        List<FlinkRest.JobSummary> jobs = List.of(
                new FlinkRest.JobSummary("a1", "stockflow inventory", "RUNNING", 0, 0),
                new FlinkRest.JobSummary("b2", "stockflow inventory", "CANCELED", 0, 0),
                new FlinkRest.JobSummary("c3", "stockflow lifecycle", "RESTARTING", 0, 0));

        assertThat(RunningJobs.matching(jobs, "inventory"))
                .extracting(FlinkRest.JobSummary::id)
                .containsExactly("a1");
        assertThat(RunningJobs.matching(jobs, "c3"))
                .extracting(FlinkRest.JobSummary::id)
                .containsExactly("c3");
        assertThat(RunningJobs.matching(jobs, "anomalies")).isEmpty();
    }

    @Test
    void recoverTriesTheRunsOfTheJobNewestFirstFromTheClusterAndTheSubmissionLog(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        RecoverCommand recover = new RecoverCommand();
        new CommandLine(recover).parseArgs("inventory");
        List<FlinkRest.JobSummary> cluster = List.of(
                new FlinkRest.JobSummary("c-old", "stockflow inventory", "FAILED", 100, 0),
                new FlinkRest.JobSummary("c-new", "stockflow inventory", "CANCELED", 300, 0),
                new FlinkRest.JobSummary("other", "stockflow lifecycle", "FAILED", 400, 0));
        List<io.stockflow.cluster.Submissions.Entry> logged = List.of(
                new io.stockflow.cluster.Submissions.Entry(
                        350, "http://h:8081", "inventory", "s-newest", List.of("inventory"), null),
                new io.stockflow.cluster.Submissions.Entry(
                        200, "http://h:8081", "inventory", "s-mid", List.of("inventory"), null));

        assertThat(recover.candidates(cluster, logged, dir)).containsExactly("s-newest", "c-new", "s-mid", "c-old");

        // Known to neither: the one run that left checkpoints in the folder, and only when there is one.
        String run = "0123456789abcdef0123456789abcdef";
        java.nio.file.Path chk =
                java.nio.file.Files.createDirectories(dir.resolve(run).resolve("chk-3"));
        java.nio.file.Files.writeString(chk.resolve("_metadata"), "m");
        assertThat(recover.candidates(List.of(), List.of(), dir)).containsExactly(run);
        java.nio.file.Path other = java.nio.file.Files.createDirectories(
                dir.resolve("fedcba9876543210fedcba9876543210").resolve("chk-1"));
        java.nio.file.Files.writeString(other.resolve("_metadata"), "m");
        assertThat(recover.candidates(List.of(), List.of(), dir)).isEmpty();
    }

    @Test
    void aSubmittedJobRunsLiveOnTheLocalBrokerUnlessToldWhere() {
        assertThat(SubmitCommand.programArgs("inventory", List.of("--checkpoint-interval", "1s")))
                .containsExactly("inventory", "--checkpoint-interval", "1s", "--bootstrap", "127.0.0.1:19092");
        assertThat(SubmitCommand.programArgs("inventory", List.of("--bootstrap", "kafka:9092")))
                .containsExactly("inventory", "--bootstrap", "kafka:9092");
    }

    @Test
    void submitPassesJobOptionsThroughAndKeepsItsOwn() {
        SubmitCommand submit = new SubmitCommand();
        new CommandLine(submit)
                .parseArgs(
                        "inventory",
                        "--rest",
                        "10.0.0.5:8081",
                        "--from-savepoint",
                        "/sp/1",
                        "--bootstrap",
                        "k:9092",
                        "--low-stock-threshold",
                        "3");
        assertThat(submit.rest).isEqualTo("10.0.0.5:8081");
        assertThat(submit.fromSavepoint).isEqualTo("/sp/1");
        assertThat(submit.claimInPlace).isFalse();
        assertThat(submit.jobArgs).containsExactly("--bootstrap", "k:9092", "--low-stock-threshold", "3");
    }

    @Test
    void submitFromASavepointSaysWhichCopyTheJobClaims(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path savepoint =
                java.nio.file.Files.createDirectories(dir.resolve("savepoint-1a2b3c-0123456789ab"));
        java.nio.file.Files.writeString(savepoint.resolve("_metadata"), "m");
        java.io.StringWriter out = new java.io.StringWriter();

        String claimed = SubmitCommand.claimed(savepoint.toString(), false, new java.io.PrintWriter(out, true));

        assertThat(claimed).contains("/claimed-").endsWith("-savepoint-1a2b3c-0123456789ab/");
        assertThat(out.toString()).contains("a copy of " + savepoint, "which stays as it is", claimed);
        assertThat(SubmitCommand.claimed(savepoint.toString(), true, new java.io.PrintWriter(out, true)))
                .isEqualTo(savepoint.toString());
    }

    @Test
    void onAClusterOnlyTheFlinkOptionsGivenOverrideTheClustersSettings() {
        CommandLine cli = Stockflow.commandLine();
        cli.parseArgs("run", "inventory", "--bootstrap", "k:9092", "--checkpoint-interval", "500ms");
        RunCommand run = cli.getSubcommands().get("run").getCommand();

        assertThat(run.flink.given("--checkpoint-interval")).isTrue();
        assertThat(run.flink.given("--parallelism")).isFalse();
        assertThat(run.flink.parallelism).as("still the embedded default").isEqualTo(2);
    }

    @Test
    void tailPrintsAlertsForPeopleAndFilters() {
        TailCommand tail = new TailCommand();
        new CommandLine(tail).parseArgs("alerts", "--type", "OVERSELL", "--sku", "SKU-B");
        String oversell =
                "{\"alert_id\":\"a1\",\"type\":\"OVERSELL\",\"severity\":\"CRITICAL\",\"subject\":{\"order_id\":"
                        + "\"woocommerce:727\",\"sku\":\"SKU-B\"},\"event_time\":\"2026-11-26T09:20:00Z\",\"message\":\"3 units of "
                        + "SKU-B could not be allocated\"}";
        String lowStock = oversell.replace("OVERSELL", "LOW_STOCK");
        String otherSku = oversell.replace("\"SKU-B\"", "\"SKU-A\"");

        assertThat(tail.render(oversell, 0))
                .contains(
                        "2026-11-26T09:20:00Z",
                        "CRITICAL",
                        "OVERSELL",
                        "sku=SKU-B",
                        "order_id=woocommerce:727",
                        "3 units of SKU-B could not be allocated");
        assertThat(tail.render(lowStock, 0)).isNull();
        assertThat(tail.render(otherSku, 0)).isNull();
        assertThat(tail.render("not json", 0)).isNull();
        assertThat(new TailCommand().render(lowStock.replace("CRITICAL", "INFO"), TailCommand.rank("WARNING")))
                .isNull();
    }

    @Test
    void helpNamesTheSecretSourcesButShowsNoSecret() {
        ByteArrayOutputStream help = new ByteArrayOutputStream();
        new CommandLine(new Stockflow())
                .getSubcommands()
                .get("run")
                .usage(new PrintStream(help, true, StandardCharsets.UTF_8));
        assertThat(help.toString(StandardCharsets.UTF_8))
                .contains("--kafka-properties", "STOCKFLOW_KAFKA_")
                .doesNotContain("password=");
    }
}
