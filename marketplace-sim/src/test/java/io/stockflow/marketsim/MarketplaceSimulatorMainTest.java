package io.stockflow.marketsim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The simulator as the launcher and the demo start it: its own process, announcing its address, stopped by SIGTERM. */
class MarketplaceSimulatorMainTest {
    @Test
    void theProcessPrintsTheAddressItBoundServesItAndStopsOnTerm() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        MarketplaceSimulator.class.getName(),
                        "--port",
                        "0")
                .redirectErrorStream(true)
                .start();
        try {
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line = CompletableFuture.supplyAsync(() -> {
                        try {
                            return out.readLine();
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .get(60, TimeUnit.SECONDS);

            Matcher address = Pattern.compile("listening on (http://127\\.0\\.0\\.1:(\\d+)) \\(port \\2\\)")
                    .matcher(line);
            assertThat(address.find()).as("first line: %s", line).isTrue();
            SimHttp http = new SimHttp(URI.create(address.group(1)));
            assertThat(http.admin("/_sim/health").get("status").textValue()).isEqualTo("ok");
        } finally {
            process.destroy();
            assertThat(process.waitFor(30, TimeUnit.SECONDS))
                    .as("stopped after SIGTERM")
                    .isTrue();
        }
    }
}
