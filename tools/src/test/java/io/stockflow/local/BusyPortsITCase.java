package io.stockflow.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.stockflow.cli.Stockflow;
import io.stockflow.testing.KafkaBroker;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A port the launcher needs, held by something else, is said so before anything starts. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class BusyPortsITCase {
    @RegisterExtension
    static final KafkaBroker KAFKA = new KafkaBroker();

    @Test
    void aKafkaBrokerIsToldApartFromAnotherServerOnItsPort() throws Exception {
        HttpServer web = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        web.createContext("/", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        web.start();
        try {
            assertThat(LocalKafka.answersAsKafka(KAFKA.bootstrap(), Duration.ofSeconds(5)))
                    .isTrue();
            assertThat(LocalKafka.answersAsKafka("127.0.0.1:" + web.getAddress().getPort(), Duration.ofSeconds(2)))
                    .as("an HTTP server is not a broker")
                    .isFalse();
        } finally {
            web.stop(0);
        }
    }

    @Test
    void theDemoRefusesATakenWebPortBeforeItStartsAnything() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            assertThat(LocalPorts.free(port)).isFalse();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            PrintStream before = System.err;
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit;
            try {
                exit = Stockflow.commandLine().execute("demo", "--web-port", Integer.toString(port), "--for", "1s");
            } finally {
                System.setErr(before);
            }
            assertThat(exit).isEqualTo(2);
            assertThat(err.toString(StandardCharsets.UTF_8))
                    .contains("port " + port + " (the Flink web UI) is in use", "--web-port");
        }
    }

    @Test
    void theDemoRefusesATakenQueryApiPortBeforeItStartsAnything() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            PrintStream before = System.err;
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit;
            try {
                exit = Stockflow.commandLine()
                        .execute("demo", "--web-port", "0", "--serve-port", Integer.toString(port), "--for", "1s");
            } finally {
                System.setErr(before);
            }
            assertThat(exit).isEqualTo(2);
            assertThat(err.toString(StandardCharsets.UTF_8))
                    .contains("port " + port + " (the query API) is in use", "--serve-port");
        }
    }
}
