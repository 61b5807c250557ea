package io.stockflow.local;

import io.stockflow.notifier.alerting.AlertmanagerProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A Prometheus Alertmanager on 127.0.0.1 for the demo and {@code ./stockflow alertmanager}: Debian's
 * {@code prometheus-alertmanager} run with the shipped configuration ({@code config/alertmanager/alertmanager.yml}),
 * its data, log and pid under {@code .stockflow/alertmanager}. The receivers' secrets are files in
 * {@code .stockflow/alertmanager/secrets}, written from the environment when it has them.
 */
public final class LocalAlertmanager {
    public static final int DEFAULT_PORT = 9093;
    public static final String INSTALL = "apt-get install prometheus-alertmanager";

    /** Each secret file the shipped configuration reads, and the variable it is written from. */
    public static final Map<String, String> SECRETS = secrets();

    private final Path home;
    private final Path config;

    public LocalAlertmanager(Path projectHome, Path config) {
        this.home = projectHome.resolve(".stockflow").resolve("alertmanager");
        this.config = config == null ? shippedConfig(projectHome) : config;
    }

    public static Path shippedConfig(Path projectHome) {
        return projectHome.resolve("config").resolve("alertmanager").resolve("alertmanager.yml");
    }

    private static Map<String, String> secrets() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("smtp_password", "STOCKFLOW_ALERTMANAGER_SMTP_PASSWORD");
        s.put("slack_webhook_url", "STOCKFLOW_ALERTMANAGER_SLACK_WEBHOOK_URL");
        s.put("pagerduty_routing_key", "STOCKFLOW_ALERTMANAGER_PAGERDUTY_ROUTING_KEY");
        return Map.copyOf(s);
    }

    /** Whether this machine has the binary. */
    public static boolean installed() {
        return AlertmanagerProcess.binary().isPresent();
    }

    public Path home() {
        return home;
    }

    /**
     * Starts it on the port (0: a free one) and waits until it is ready; the secrets from the environment first. It
     * outlives the launcher ({@code ./stockflow alertmanager start}).
     */
    public AlertmanagerProcess start(int port, Map<String, String> env) throws IOException, InterruptedException {
        return start(port, env, ChildLifetime.OUTLIVES_LAUNCHER);
    }

    /** {@link #start(int, Map)}, the process living as {@code lifetime} says. */
    public AlertmanagerProcess start(int port, Map<String, String> env, ChildLifetime lifetime)
            throws IOException, InterruptedException {
        Path binary = AlertmanagerProcess.binary()
                .orElseThrow(() -> new IllegalStateException("Alertmanager is not installed: " + INSTALL));
        if (!Files.isRegularFile(config)) throw new IllegalStateException("no Alertmanager configuration at " + config);
        int chosen = port == 0 ? LocalPorts.freePort() : port;
        if (!LocalPorts.free(chosen))
            throw new IllegalStateException("port " + chosen + " is in use: stop what holds it, or pick another port");
        writeSecrets(env);
        AlertmanagerProcess process =
                AlertmanagerProcess.start(binary, config, home, chosen, Duration.ofSeconds(30), lifetime.prefix());
        Files.writeString(
                home.resolve("alertmanager.pid"),
                Long.toString(process.process().pid()));
        Files.writeString(home.resolve("alertmanager.url"), process.url().toString());
        return process;
    }

    /** The process this launcher started earlier, if it still runs, and its URL. */
    public Optional<ProcessHandle> running() throws IOException {
        Path pidFile = home.resolve("alertmanager.pid");
        if (!Files.isRegularFile(pidFile)) return Optional.empty();
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    }

    public Optional<String> url() throws IOException {
        Path file = home.resolve("alertmanager.url");
        return Files.isRegularFile(file) ? Optional.of(Files.readString(file).strip()) : Optional.empty();
    }

    private void writeSecrets(Map<String, String> env) throws IOException {
        Path dir = home.resolve("secrets");
        Files.createDirectories(dir);
        for (Map.Entry<String, String> s : SECRETS.entrySet()) {
            String value = env.get(s.getValue());
            if (value == null || value.isBlank()) continue;
            Path file = dir.resolve(s.getKey());
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, value.strip());
        }
    }
}
