package io.stockflow.local;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.apache.flink.configuration.Configuration;

/**
 * JobManager high availability of a local cluster: ZooKeeper on 127.0.0.1 at a port, the job graphs, jar blobs and
 * checkpoint pointers under the cluster's {@code ha/} folder. The choice is kept in the cluster's home
 * ({@code high-availability.properties}) so that the supervisor, `cluster status` and a later `cluster start` see the
 * choice `cluster start --ha` made, without being told again.
 *
 * @param zooKeeperPort the port of the cluster's ZooKeeper on 127.0.0.1
 * @param clusterId the cluster's node in ZooKeeper (Flink's {@code high-availability.cluster-id})
 */
public record LocalHighAvailability(int zooKeeperPort, String clusterId) {
    static final String FILE = "high-availability.properties";

    /** The Flink settings this choice sets; removed again when high availability is turned off. */
    static final List<String> KEYS = List.of(
            "high-availability.type",
            "high-availability.zookeeper.quorum",
            "high-availability.storageDir",
            "high-availability.cluster-id",
            "high-availability.zookeeper.client.session-timeout",
            "high-availability.zookeeper.client.tolerate-suspended-connections",
            "taskmanager.registration.timeout");

    /** The cluster id of a local cluster: each home has a ZooKeeper of its own, so one name serves them all. */
    public static final String CLUSTER_ID = "stockflow";

    public static LocalHighAvailability onPort(int zooKeeperPort) {
        return new LocalHighAvailability(zooKeeperPort, CLUSTER_ID);
    }

    /** The choice kept in a cluster's home; empty when the cluster runs without high availability. */
    public static Optional<LocalHighAvailability> read(Path home) throws IOException {
        Path file = home.resolve(FILE);
        if (!Files.isRegularFile(file)) return Optional.empty();
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            p.load(in);
        }
        return Optional.of(new LocalHighAvailability(
                Integer.parseInt(p.getProperty("zookeeper.port").trim()),
                p.getProperty("cluster-id", CLUSTER_ID).trim()));
    }

    void write(Path home) throws IOException {
        Files.createDirectories(home);
        Properties p = new Properties();
        p.setProperty("zookeeper.port", Integer.toString(zooKeeperPort));
        p.setProperty("cluster-id", clusterId);
        try (Writer out = Files.newBufferedWriter(home.resolve(FILE))) {
            p.store(out, "JobManager high availability of this cluster (stockflow cluster start --ha)");
        }
    }

    /** {@code 127.0.0.1:PORT}, Flink's quorum setting. */
    public String quorum() {
        return "127.0.0.1:" + zooKeeperPort;
    }

    /** Where the JobManager keeps what ZooKeeper only points to: job graphs, jar blobs, checkpoint metadata. */
    public static Path storage(Path home) {
        return home.resolve("ha");
    }

    /**
     * Sets Flink's ZooKeeper high availability. A session that ZooKeeper has not heard from for 10 s expires (the
     * default 60 s would hold a dead JobManager's leadership, and so its jobs, that long); a connection that is
     * suspended for less than that (ZooKeeper itself restarted by the supervisor) keeps the leadership. A TaskManager
     * that has found no ResourceManager for 2 minutes exits, and the supervisor starts another: when ZooKeeper lost
     * every session while a JobManager was being replaced, a TaskManager can keep waiting for the dead one (Flink's
     * default is 5 minutes).
     */
    void applyTo(Configuration config, Path home) {
        config.setString("high-availability.type", "zookeeper");
        config.setString("high-availability.zookeeper.quorum", quorum());
        config.setString("high-availability.storageDir", storage(home).toUri().toString());
        config.setString("high-availability.cluster-id", clusterId);
        config.setString("high-availability.zookeeper.client.session-timeout", "10s");
        config.setString("high-availability.zookeeper.client.tolerate-suspended-connections", "true");
        config.setString("taskmanager.registration.timeout", "2min");
    }

    static void removeFrom(Configuration config) {
        for (String key : KEYS) config.removeKey(key);
    }
}
