package io.stockflow.notifier.alerting;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A Prometheus Alertmanager process on 127.0.0.1: Debian's {@code prometheus-alertmanager} (or the binary named by
 * {@code STOCKFLOW_ALERTMANAGER_BIN}), one node without gossip ({@code --cluster.listen-address=}), its silences and
 * notification log under {@code home/data}, its log in {@code home/alertmanager.log}. It runs in {@code home}, so the
 * relative secret files of the shipped configuration ({@code secrets/...}) are read from {@code home/secrets}.
 */
public final class AlertmanagerProcess implements AutoCloseable {
    public static final Path DEBIAN_BINARY = Path.of("/usr/bin/prometheus-alertmanager");
    public static final String BINARY_ENV = "STOCKFLOW_ALERTMANAGER_BIN";

    private final Process process;
    private final URI url;
    private final Path log;

    private AlertmanagerProcess(Process process, URI url, Path log) {
        this.process = process;
        this.url = url;
        this.log = log;
    }

    /** The binary to run, if this machine has one. */
    public static Optional<Path> binary() {
        String named = System.getenv(BINARY_ENV);
        if (named != null && !named.isBlank())
            return Optional.of(Path.of(named)).filter(Files::isExecutable);
        return Optional.of(DEBIAN_BINARY).filter(Files::isExecutable);
    }

    /** Starts Alertmanager with the configuration on 127.0.0.1:{@code port} and waits until it says it is ready. */
    public static AlertmanagerProcess start(Path binary, Path config, Path home, int port, Duration timeout)
            throws IOException, InterruptedException {
        return start(binary, config, home, port, timeout, List.of());
    }

    /**
     * {@link #start(Path, Path, Path, int, Duration)}, the command after {@code launcher} (a program that sets how the
     * process lives, and then runs it in its place, such as {@code setsid}).
     */
    public static AlertmanagerProcess start(
            Path binary, Path config, Path home, int port, Duration timeout, List<String> launcher)
            throws IOException, InterruptedException {
        Files.createDirectories(home.resolve("data"));
        Path log = home.resolve("alertmanager.log");
        URI url = URI.create("http://127.0.0.1:" + port);
        List<String> command = new ArrayList<>(launcher);
        command.addAll(List.of(
                binary.toString(),
                "--config.file=" + config.toAbsolutePath(),
                "--storage.path=" + home.resolve("data").toAbsolutePath(),
                "--web.listen-address=127.0.0.1:" + port,
                "--web.external-url=" + url,
                "--cluster.listen-address="));
        Process process = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        AlertmanagerProcess started = new AlertmanagerProcess(process, url, log);
        started.awaitReady(timeout);
        return started;
    }

    private void awaitReady(Duration timeout) throws IOException, InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ready = HttpRequest.newBuilder(url.resolve("/-/ready"))
                .timeout(Duration.ofSeconds(2))
                .build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!process.isAlive())
                throw new IllegalStateException("Alertmanager exited at start (exit " + process.exitValue() + "): "
                        + Files.readString(log).strip());
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) return;
            } catch (IOException notYet) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                close();
                throw new IllegalStateException(
                        "Alertmanager was not ready on " + url + " in " + timeout + ": see " + log);
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    public URI url() {
        return url;
    }

    public Process process() {
        return process;
    }

    public Path log() {
        return log;
    }

    /** Stops the process: SIGTERM (it writes its silences and notification log), then SIGKILL after 10 s. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        try {
            process.toHandle().onExit().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
        }
    }
}
