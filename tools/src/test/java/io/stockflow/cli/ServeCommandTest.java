package io.stockflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stockflow.serve.ServeSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ./stockflow serve}'s settings: loopback by default, a token anywhere else, topics renamed, secrets kept. */
class ServeCommandTest {
    private static ServeCommand parse(Map<String, String> environment, String... args) {
        ServeCommand command = new ServeCommand();
        new CommandLine(command).parseArgs(args);
        command.environment = environment;
        return command;
    }

    @Test
    void bindsLoopbackWithoutATokenByDefault() throws Exception {
        ServeSettings s = parse(Map.of()).settings();

        assertThat(s.host).isEqualTo("127.0.0.1");
        assertThat(s.tokenRequired()).isFalse();
    }

    @Test
    void refusesToStartOnAnotherAddressWithoutAToken() throws Exception {
        ServeCommand command = parse(Map.of(), "--host", "0.0.0.0", "--port", "0");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        command.err = new PrintStream(err, true);

        assertThat(command.call()).isEqualTo(2);
        assertThat(err.toString()).contains("not loopback").contains(ServeSettings.TOKEN_VARIABLE);
    }

    @Test
    void takesTheTokenFromItsFileOrTheEnvironmentAndNeverPrintsIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("token");
        Files.writeString(file, "from-the-file\n");

        ServeSettings fromFile = parse(Map.of(), "--host", "0.0.0.0", "--token-file", file.toString())
                .settings();
        ServeSettings fromEnvironment = parse(Map.of(ServeSettings.TOKEN_VARIABLE, "from-the-env"), "--host", "0.0.0.0")
                .settings();

        assertThat(fromFile.token).isEqualTo("from-the-file");
        assertThat(fromEnvironment.token).isEqualTo("from-the-env");
        assertThat(fromFile.toString()).doesNotContain("from-the-file");
    }

    @Test
    void renamesOnlyTheTopicsItReads() throws Exception {
        ServeSettings s = parse(Map.of(), "--topic", "alerts=shop1.alerts").settings();

        assertThat(s.topicName("alerts")).isEqualTo("shop1.alerts");
        assertThatThrownBy(() -> parse(Map.of(), "--topic", "orders.raw=x").settings())
                .hasMessageContaining("not a topic the query API reads");
    }

    @Test
    void isOneOfTheLaunchersCommands() {
        assertThat(Stockflow.commandLine().getSubcommands()).containsKey("serve");
    }
}
