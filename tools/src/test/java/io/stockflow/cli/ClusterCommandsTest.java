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
        assertThat(submit.jobArgs).containsExactly("--bootstrap", "k:9092", "--low-stock-threshold", "3");
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
