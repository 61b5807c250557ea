package io.stockflow.cli;

import io.stockflow.flink.main.Home;
import io.stockflow.local.LocalAlertmanager;
import io.stockflow.notifier.alerting.AlertmanagerProcess;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "alertmanager",
        mixinStandardHelpOptions = true,
        description = {
            "Starts, stops or checks a local Prometheus Alertmanager for the alerts.",
            "Debian's prometheus-alertmanager on 127.0.0.1, with config/alertmanager/alertmanager.yml, data and log "
                    + "under .stockflow/alertmanager. Receivers' secrets from STOCKFLOW_ALERTMANAGER_SMTP_PASSWORD,",
            "STOCKFLOW_ALERTMANAGER_SLACK_WEBHOOK_URL and STOCKFLOW_ALERTMANAGER_PAGERDUTY_ROUTING_KEY (written to "
                    + ".stockflow/alertmanager/secrets). Post the alerts to it with ./stockflow notify --alertmanager URL.",
            "docs/alerting.md."
        })
public final class AlertmanagerCommand implements Callable<Integer> {
    @Parameters(paramLabel = "ACTION", description = "start, stop or status.")
    String action;

    @Option(
            names = "--port",
            paramLabel = "N",
            description = "Port on 127.0.0.1; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port = LocalAlertmanager.DEFAULT_PORT;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "Alertmanager configuration (default: config/alertmanager/alertmanager.yml).")
    Path config;

    @Override
    public Integer call() throws Exception {
        LocalAlertmanager local = new LocalAlertmanager(Home.path(), config);
        Optional<ProcessHandle> running = local.running();
        switch (action) {
            case "start":
                if (running.isPresent()) {
                    System.out.println("Alertmanager already runs on "
                            + local.url().orElse("?") + " (pid " + running.get().pid() + ")");
                    return 0;
                }
                if (!LocalAlertmanager.installed()) {
                    System.err.println("stockflow alertmanager: not installed (no " + AlertmanagerProcess.DEBIAN_BINARY
                            + "): " + LocalAlertmanager.INSTALL + ", or name a binary in "
                            + AlertmanagerProcess.BINARY_ENV);
                    return 1;
                }
                AlertmanagerProcess started = local.start(port, System.getenv());
                System.out.println("Alertmanager up on " + started.url() + " (pid "
                        + started.process().pid()
                        + "), log " + started.log() + "\nPost the alerts to it: ./stockflow notify --alertmanager "
                        + started.url());
                return 0;
            case "stop":
                if (running.isEmpty()) {
                    System.out.println("No Alertmanager started by stockflow is running.");
                    return 0;
                }
                running.get().destroy();
                try {
                    running.get().onExit().get(10, TimeUnit.SECONDS);
                } catch (java.util.concurrent.TimeoutException e) {
                    running.get().destroyForcibly();
                }
                System.out.println("Alertmanager stopped (pid " + running.get().pid() + ")");
                return 0;
            case "status":
                if (running.isEmpty()) {
                    System.out.println(
                            LocalAlertmanager.installed()
                                    ? "down"
                                    : "down (not installed: " + LocalAlertmanager.INSTALL + ")");
                    return 3;
                }
                System.out.println("up on " + local.url().orElse("?") + " (pid "
                        + running.get().pid() + ")");
                return 0;
            default:
                System.err.println("unknown action '" + action + "': use start, stop or status");
                return 2;
        }
    }
}
