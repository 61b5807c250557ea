package io.stockflow.serve;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the Chromium browser the console's browser test drives, and installs Debian's {@code chromium} package when it is
 * missing, so that {@code mvn verify} on a fresh machine sets itself up: {@code apt-get} as root, through
 * {@code sudo -n} otherwise. The test speaks the DevTools protocol to the browser itself, so {@code chromium-driver}
 * is not needed. When the browser cannot be had, the test fails with the reason under CI (the variable {@code CI} is
 * set) and is skipped with the reason elsewhere, where a developer may have no root.
 */
final class Chromium {
    /** Where Debian puts the browser; {@code STOCKFLOW_CHROMIUM} names another one. */
    private static final List<String> CANDIDATES = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser");

    private static final long INSTALL_MINUTES = 20;

    private Chromium() {}

    /** The browser's executable, installed first if need be. */
    static Path executable() {
        Path found = find();
        if (found != null) return found;
        String reason = install();
        found = find();
        if (found != null) return found;
        String message = "Chromium is needed for the console's browser test and could not be installed: " + reason;
        if (System.getenv("CI") != null) throw new IllegalStateException(message);
        Assumptions.abort(message + " (skipped outside CI; install it with: sudo apt-get install chromium)");
        return null;
    }

    private static Path find() {
        String named = System.getenv("STOCKFLOW_CHROMIUM");
        if (named != null && !named.isBlank()) return Files.isExecutable(Path.of(named)) ? Path.of(named) : null;
        for (String c : CANDIDATES) if (Files.isExecutable(Path.of(c))) return Path.of(c);
        return null;
    }

    /** Runs apt-get; the reason it failed, or null when it succeeded. */
    private static String install() {
        List<String> prefix = new ArrayList<>();
        if (!isRoot()) {
            prefix.add("sudo");
            prefix.add("-n"); // never waits for a password: a build has nobody to type it
        }
        String update = run(prefix, "apt-get", "-qq", "-o", "DPkg::Lock::Timeout=600", "update");
        String install = run(
                prefix,
                "apt-get",
                "install",
                "-y",
                "-qq",
                "--no-install-recommends",
                "-o",
                "DPkg::Lock::Timeout=600",
                "chromium");
        if (install == null) return null;
        return install + (update == null ? "" : "; apt-get update: " + update);
    }

    private static String run(List<String> prefix, String... command) {
        List<String> argv = new ArrayList<>(prefix);
        argv.addAll(List.of(command));
        try {
            Path log = Files.createTempFile("stockflow-apt", ".log");
            ProcessBuilder pb =
                    new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().put("DEBIAN_FRONTEND", "noninteractive");
            System.out.println("installing the browser for the console's test: " + String.join(" ", argv));
            Process p = pb.start();
            if (!p.waitFor(INSTALL_MINUTES, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                return String.join(" ", argv) + " did not finish in " + INSTALL_MINUTES + " minutes";
            }
            if (p.exitValue() == 0) return null;
            String out = Files.readString(log, StandardCharsets.UTF_8).strip();
            String tail = out.length() > 600 ? out.substring(out.length() - 600) : out;
            return String.join(" ", argv) + " exited with " + p.exitValue() + ": " + tail;
        } catch (IOException e) {
            return String.join(" ", argv) + " could not run: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    static boolean isRoot() {
        try {
            Process p = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
            String uid = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            p.waitFor();
            return uid.equals("0");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
