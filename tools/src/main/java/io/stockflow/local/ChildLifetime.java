package io.stockflow.local;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * How long a process the launcher starts beside itself (the local broker, Alertmanager) lives, and the command prefix
 * that gives it that life.
 *
 * <p>A child started plainly shares the launcher's process group, so a terminal's Ctrl-C, a {@code timeout}, or any
 * signal sent to the group reaches it at the same moment as the launcher: the broker dies while the launcher still
 * stops, in order, the parts that need it. A child that {@link #ENDS_WITH_LAUNCHER ends with the launcher} therefore
 * runs in a session of its own ({@code setsid}), where no such signal reaches it, and the launcher stops it itself,
 * last. So that it still ends when the launcher's JVM is killed hard (and cannot stop it), the kernel sends it
 * SIGTERM when its parent ends ({@code setpriv --pdeathsig TERM}, Linux's parent-death signal). Both come with
 * util-linux; where either is missing the child starts plainly, in the launcher's process group, as the only way left
 * for it to end with the launcher.
 */
public enum ChildLifetime {
    /** Stays up after the launcher exits ({@code ./stockflow kafka start}); started plainly. */
    OUTLIVES_LAUNCHER,
    /**
     * Stopped by the launcher, and ended by the kernel if the launcher ends without stopping it. Linux sends the
     * parent-death signal when the <em>thread</em> that started the child ends, so start it from a thread that lives as
     * long as the run (a command's main thread).
     */
    ENDS_WITH_LAUNCHER;

    private static final class Tools {
        static final List<String> OWN_SESSION_ENDING_WITH_PARENT = ownSessionEndingWithParent();
    }

    /** What goes before the child's command (nothing, or {@code setsid setpriv --pdeathsig TERM}). */
    public List<String> prefix() {
        return this == ENDS_WITH_LAUNCHER ? Tools.OWN_SESSION_ENDING_WITH_PARENT : List.of();
    }

    /** Whether a child of this lifetime runs in a session of its own on this machine. */
    public boolean ownSession() {
        return !prefix().isEmpty();
    }

    private static List<String> ownSessionEndingWithParent() {
        Optional<Path> setsid = onPath("setsid");
        Optional<Path> setpriv = onPath("setpriv");
        if (setsid.isEmpty() || setpriv.isEmpty()) return List.of();
        List<String> prefix = List.of(setsid.get().toString(), setpriv.get().toString(), "--pdeathsig", "TERM");
        // An older setpriv has no --pdeathsig: try the prefix once on a command that does nothing.
        try {
            Process probe = new ProcessBuilder(concat(prefix, "true"))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!probe.waitFor(10, TimeUnit.SECONDS)) {
                probe.destroyForcibly();
                return List.of();
            }
            return probe.exitValue() == 0 ? prefix : List.of();
        } catch (IOException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    private static List<String> concat(List<String> prefix, String command) {
        List<String> all = new ArrayList<>(prefix);
        all.add(command);
        return all;
    }

    private static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) return Optional.empty();
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) return Optional.of(candidate);
        }
        return Optional.empty();
    }
}
