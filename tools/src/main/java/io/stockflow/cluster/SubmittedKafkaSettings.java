package io.stockflow.cluster;

import io.stockflow.flink.io.KafkaSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;

/**
 * Brings the Kafka client settings of the shell that runs {@code submit} to the job. A submitted job's {@code main}
 * runs on the JobManager, which reads files and environment variables on its own machine, not this shell's: left alone,
 * {@code STOCKFLOW_KAFKA_*} variables set here would silently not apply (a job meant to use SASL would run in
 * plaintext), and a relative {@code --kafka-properties} path would name another file.
 *
 * <p>Nothing secret travels in the REST request: program arguments are shown by Flink's REST API and web UI to anyone
 * who can reach them. For a cluster on this machine (a loopback REST address) the settings go into a file only this
 * user can read, in a folder the JobManager reads, named by {@code --kafka-properties}; the file is deleted once the
 * job is submitted (the job carries its settings from then on). For a cluster elsewhere, variables set here are a
 * mistake to refuse, with the reason, unless the caller says the cluster has its own settings.
 */
public final class SubmittedKafkaSettings implements AutoCloseable {
    private static final String OPTION = "--kafka-properties";

    private final List<String> args;
    private final Path transport;

    private SubmittedKafkaSettings(List<String> args, Path transport) {
        this.args = args;
        this.transport = transport;
    }

    /** The program arguments to send. */
    public List<String> args() {
        return args;
    }

    /**
     * @param programArgs    {@code JOB [options]} as the user gave them
     * @param environment    this shell's environment
     * @param restAddress    the cluster's REST address
     * @param transportDir   where to write the settings for a cluster on this machine
     * @param clusterHasOwn  the JobManager has its own settings: this shell's variables are not sent, and not refused
     * @throws IllegalArgumentException with the reason when the settings cannot reach the job
     */
    public static SubmittedKafkaSettings prepare(
            List<String> programArgs,
            Map<String, String> environment,
            String restAddress,
            Path transportDir,
            boolean clusterHasOwn)
            throws IOException {
        List<String> args = new ArrayList<>(programArgs);
        int fileAt = optionIndex(args);
        Path file = fileAt < 0
                ? null
                : Path.of(args.get(fileAt + 1)).toAbsolutePath().normalize();
        boolean local = isLoopback(restAddress);
        if (file != null) {
            if (local && !Files.isReadable(file)) {
                throw new IllegalArgumentException(OPTION + " " + file + ": no such readable file");
            }
            args.set(fileAt + 1, file.toString());
        }
        TreeSet<String> variables = new TreeSet<>();
        environment.keySet().forEach(name -> {
            if (name.startsWith(KafkaSettings.ENV_PREFIX) && name.length() > KafkaSettings.ENV_PREFIX.length())
                variables.add(name);
        });
        if (variables.isEmpty() || clusterHasOwn) return new SubmittedKafkaSettings(args, null);
        if (!local) {
            throw new IllegalArgumentException(String.join(
                    "",
                    "this shell sets ",
                    String.join(", ", variables),
                    ", but the job's main runs on the JobManager at ",
                    restAddress,
                    " and reads the environment and files of its own machine; secrets are not sent through Flink's",
                    " REST API, which shows program arguments to anyone who can reach it. Set them in the",
                    " JobManager's environment or in a properties file on its machine (",
                    OPTION,
                    " PATH), then submit with --cluster-kafka-settings"));
        }
        // One file: the given file's properties, then this shell's variables over them (as `run` combines them).
        KafkaSettings combined = new KafkaSettings("unused");
        if (file != null) combined.loadProperties(file);
        combined.loadEnvironment(environment);
        Files.createDirectories(transportDir);
        Path transport = Files.createTempFile(
                transportDir,
                "kafka-",
                ".properties",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (OutputStream out = Files.newOutputStream(transport)) {
            Properties p = combined.clientProperties();
            p.store(out, null);
        }
        if (fileAt < 0) {
            args.add(OPTION);
            args.add(transport.toString());
        } else {
            args.set(fileAt + 1, transport.toString());
        }
        return new SubmittedKafkaSettings(args, transport);
    }

    /** Deletes the file that carried the settings, once the job is submitted (or refused). */
    @Override
    public void close() throws IOException {
        if (transport != null) Files.deleteIfExists(transport);
    }

    private static int optionIndex(List<String> args) {
        int at = -1;
        for (int i = 0; i < args.size() - 1; i++) if (OPTION.equals(args.get(i))) at = i;
        return at;
    }

    /** Whether the REST address names this machine by a loopback address. */
    static boolean isLoopback(String restAddress) {
        String url = restAddress.contains("://") ? restAddress : "http://" + restAddress;
        String host = URI.create(url).getHost();
        if (host == null) return false;
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
