package io.stockflow.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code prometheus-alertmanager} for the tests: installed with apt-get when its binary is missing (with
 * {@code sudo} unless the build runs as root), so that {@code mvn -B verify} on a fresh machine sets up what it needs.
 * The package also brings {@code amtool}. The package's service is not started: each test starts its own process.
 */
public final class AlertmanagerPackage {
    public static final Path BINARY = Path.of("/usr/bin/prometheus-alertmanager");
    public static final Path AMTOOL = Path.of("/usr/bin/amtool");
    private static final String PACKAGE = "prometheus-alertmanager";

    private AlertmanagerPackage() {}

    /** The Alertmanager binary, installed first when missing. */
    public static synchronized Path binary() throws IOException, InterruptedException {
        if (!Files.isExecutable(BINARY)) {
            apt("update", "-qq");
            apt("install", "-y", "-qq", "--no-install-recommends", PACKAGE);
        }
        if (!Files.isExecutable(BINARY))
            throw new IllegalStateException(PACKAGE + " was installed but no binary is at " + BINARY);
        return BINARY;
    }

    /** {@code amtool}, which comes with the same package. */
    public static Path amtool() throws IOException, InterruptedException {
        binary();
        if (!Files.isExecutable(AMTOOL)) throw new IllegalStateException("no amtool at " + AMTOOL);
        return AMTOOL;
    }

    private static boolean root() throws IOException, InterruptedException {
        Process id = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
        String uid = new String(id.getInputStream().readAllBytes()).strip();
        id.waitFor();
        return uid.equals("0");
    }

    private static void apt(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (!root()) command.add("sudo");
        command.add("apt-get");
        // Other builds on the machine may hold dpkg's lock for a while: wait for it rather than fail.
        command.add("-o");
        command.add("DPkg::Lock::Timeout=300");
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
        Process apt = builder.start();
        String output = new String(apt.getInputStream().readAllBytes());
        if (!apt.waitFor(15, TimeUnit.MINUTES) || apt.exitValue() != 0) {
            throw new IllegalStateException("`" + String.join(" ", command) + "` failed; install " + PACKAGE
                    + " by hand (apt-get install " + PACKAGE + "):\n" + output);
        }
    }
}
