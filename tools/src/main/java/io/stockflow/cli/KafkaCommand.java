package io.stockflow.cli;

import io.stockflow.flink.main.Home;

import io.stockflow.flink.io.Topics;
import io.stockflow.local.LocalKafka;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "kafka", mixinStandardHelpOptions = true,
        description = {"Starts, stops or checks the local Kafka broker the demo uses.",
                "A real KRaft broker on " + LocalKafka.BOOTSTRAP + ", its own process, data under .stockflow/kafka."})
public final class KafkaCommand implements Callable<Integer> {
    @Parameters(paramLabel = "ACTION", description = "start, stop or status.")
    String action;

    @Override
    public Integer call() throws Exception {
        LocalKafka kafka = new LocalKafka(Home.path());
        Optional<ProcessHandle> running = kafka.running();
        switch (action) {
            case "start":
                if (LocalKafka.isUp()) {
                    System.out.println("A broker already answers on " + LocalKafka.BOOTSTRAP
                            + running.map(p -> " (pid " + p.pid() + ")").orElse(""));
                    return 0;
                }
                Process broker = kafka.start(Duration.ofSeconds(60));
                LocalKafka.createTopics(LocalKafka.BOOTSTRAP, Topics.ALL, 3);
                System.out.println("Kafka broker up on " + LocalKafka.BOOTSTRAP + " (pid " + broker.pid()
                        + "), topics: " + String.join(", ", Topics.ALL));
                return 0;
            case "stop":
                if (running.isEmpty()) {
                    System.out.println("No broker started by stockflow is running.");
                    return 0;
                }
                LocalKafka.stop(running.get(), Duration.ofSeconds(20));
                System.out.println("Kafka broker stopped (pid " + running.get().pid() + ")");
                return 0;
            case "status":
                System.out.println(LocalKafka.isUp()
                        ? "up on " + LocalKafka.BOOTSTRAP + running.map(p -> " (pid " + p.pid() + ")").orElse(" (not started by stockflow)")
                        : "down");
                return LocalKafka.isUp() ? 0 : 3;
            default:
                System.err.println("unknown action '" + action + "': use start, stop or status");
                return 2;
        }
    }
}
