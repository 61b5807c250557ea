package io.stockflow.local;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The local cluster's ZooKeeper for high availability: one standalone server in a small JVM of its own, from the
 * server in the cluster's jars ({@code flink-shaded-zookeeper-3}, started by flink-runtime's
 * {@code FlinkZooKeeperQuorumPeer}, which writes the {@code myid} file and runs a standalone server when the
 * configuration names no other peers). Bound to 127.0.0.1, its data under the cluster's {@code zookeeper/} folder.
 */
final class LocalZooKeeper {
    static final String MAIN_CLASS = "org.apache.flink.runtime.zookeeper.FlinkZooKeeperQuorumPeer";

    /** A few znodes and sessions: a small heap is plenty. */
    static final List<String> JVM_OPTIONS = List.of("-Xms32m", "-Xmx128m", "-XX:+UseSerialGC");

    private final Path home;
    private final int port;

    LocalZooKeeper(Path home, int port) {
        this.home = home;
        this.port = port;
    }

    Path dataDir() {
        return home.resolve("zookeeper");
    }

    /**
     * Writes {@code zoo.cfg} into the configuration folder and returns the server's arguments. The admin HTTP server
     * (port 8080 by default) is off; sessions may last 2 to 20 ticks of 1 s, so Flink's 10 s session timeout is kept;
     * old snapshots are purged every hour.
     */
    List<String> arguments(Path confDir) throws IOException {
        Files.createDirectories(dataDir());
        Path config = confDir.resolve("zoo.cfg");
        Files.writeString(
                config,
                String.join(
                        "\n",
                        "tickTime=1000",
                        "initLimit=10",
                        "syncLimit=5",
                        "dataDir=" + dataDir(),
                        "clientPort=" + port,
                        "clientPortAddress=127.0.0.1",
                        "maxClientCnxns=60",
                        "admin.enableServer=false",
                        "4lw.commands.whitelist=ruok,srvr",
                        "autopurge.snapRetainCount=3",
                        "autopurge.purgeInterval=1",
                        ""));
        return List.of("--zkConfigFile", config.toString(), "--peerId", "1");
    }

    /** Whether a ZooKeeper server answers on the port: asked "ruok", it says "imok". */
    static boolean answers(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
            s.setSoTimeout(2000);
            s.getOutputStream().write("ruok".getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            InputStream in = s.getInputStream();
            return new String(in.readNBytes(4), StandardCharsets.US_ASCII).equals("imok");
        } catch (IOException e) {
            return false;
        }
    }
}
