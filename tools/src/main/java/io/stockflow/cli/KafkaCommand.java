package io.stockflow.cli;

import io.stockflow.flink.io.Topics;
import io.stockflow.flink.main.Home;
import io.stockflow.local.LocalKafka;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
        name = "kafka",
        mixinStandardHelpOptions = true,
        description = {
            "Starts, stops or checks the local Kafka broker the demo uses.",
            "A real KRaft broker on " + LocalKafka.BOOTSTRAP + ", its own process, data under .stockflow/kafka."
        })
public final class KafkaCommand implements Callable<Integer> {
    @Parameters(paramLabel = "ACTION", description = "start, stop or status.")
    String action;

    @Override
    public Integer call() throws Exception {
        LocalKafka kafka = new LocalKafka(Home.path());
        Optional<ProcessHandle> running = kafka.running();
        switch (action) {
            case "start":
                switch (LocalKafka.portHolder()) {
                    case KAFKA:
                        System.out.println("A broker already answers on " + LocalKafka.BOOTSTRAP
                                + running.map(p -> " (pid " + p.pid() + ")").orElse(""));
                        return 0;
                    case OTHER:
                        System.err.println("stockflow kafka: " + LocalKafka.heldByAnotherServer());
                        return 1;
                    default:
                        break;
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
                switch (LocalKafka.portHolder()) {
                    case KAFKA:
                        System.out.println("up on " + LocalKafka.BOOTSTRAP
                                + running.map(p -> " (pid " + p.pid() + ")").orElse(" (not started by stockflow)"));
                        return 0;
                    case OTHER:
                        System.out.println("down: " + LocalKafka.heldByAnotherServer());
                        return 1;
                    default:
                        System.out.println("down");
                        return 3;
                }
            default:
                System.err.println("unknown action '" + action + "': use start, stop or status");
                return 2;
        }
    }
}
