package io.stockflow.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * CPU time of this JVM's threads, by what they do: each Flink task (its subtasks together), the Kafka clients, the
 * output flushers, and, from {@code /proc} on Linux, the threads Java does not list: RocksDB's flush and compaction
 * threads, the JIT compilers, the garbage collector. Shares of the machine per thread are what the process's total
 * hides: a task can be busy all the time on a third of a core when the cores are shared.
 */
final class ThreadCpu {
    /** Linux reports thread times in USER_HZ ticks, 100 a second on every architecture Flink runs on. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private static final Pattern SUBTASK = Pattern.compile(" \\(\\d+/\\d+\\)(#\\d+)?$");
    private static final Pattern NUMBERED = Pattern.compile("[-# ]?\\d+$");

    private ThreadCpu() {}

    /** CPU nanoseconds so far by thread group. */
    static Map<String, Long> sample() {
        Map<String, Long> byGroup = new HashMap<>();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (threads.isThreadCpuTimeSupported()) {
            long[] ids = threads.getAllThreadIds();
            ThreadInfo[] infos = threads.getThreadInfo(ids);
            for (int i = 0; i < ids.length; i++) {
                long nanos = threads.getThreadCpuTime(ids[i]);
                if (infos[i] != null && nanos > 0) byGroup.merge(javaGroup(infos[i].getThreadName()), nanos, Long::sum);
            }
        }
        for (Map.Entry<String, Long> e : nativeThreads().entrySet()) byGroup.merge(e.getKey(), e.getValue(), Long::sum);
        return byGroup;
    }

    /** The groups' cores between two samples, most first; those under {@code minCores} together as "other". */
    static List<Map.Entry<String, Double>> cores(
            Map<String, Long> before, Map<String, Long> after, double seconds, double minCores) {
        List<Map.Entry<String, Double>> rows = new ArrayList<>();
        double other = 0;
        for (Map.Entry<String, Long> e : after.entrySet()) {
            double cores = (e.getValue() - before.getOrDefault(e.getKey(), 0L)) / 1e9 / seconds;
            if (cores >= minCores) rows.add(Map.entry(e.getKey(), cores));
            else if (cores > 0) other += cores;
        }
        rows.sort(Map.Entry.<String, Double>comparingByValue().reversed());
        if (other > 0) rows.add(Map.entry("other threads", other));
        return rows;
    }

    static String javaGroup(String name) {
        if (name.startsWith("kafka-producer-network-thread")) return "Kafka producers' I/O";
        if (name.startsWith("OutputFlusher")) return "output flushers";
        String withoutSubtask = SUBTASK.matcher(name).replaceAll("");
        return withoutSubtask.equals(name) ? NUMBERED.matcher(name).replaceAll("") : withoutSubtask;
    }

    /** Groups a thread Java does not list, by its Linux name; null for a Java thread. */
    static String nativeGroup(String comm) {
        if (comm.equals("rocksdb:high")) return "RocksDB flushes";
        if (comm.startsWith("rocksdb:")) return "RocksDB compactions";
        if (comm.startsWith("C1 Compiler") || comm.startsWith("C2 Compiler")) return "JIT compilers";
        if (comm.startsWith("GC Thread") || comm.startsWith("G1 ")) return "garbage collector";
        if (comm.equals("VM Thread") || comm.equals("VM Periodic Tas")) return "JVM";
        return null;
    }

    private static Map<String, Long> nativeThreads() {
        Map<String, Long> byGroup = new HashMap<>();
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) return byGroup;
        try (Stream<Path> list = Files.list(tasks)) {
            for (Path task : (Iterable<Path>) list::iterator) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException gone) {
                    continue; // the thread ended meanwhile
                }
                // "tid (comm) state ...": comm may hold spaces and parentheses, so it ends at the last ')'.
                int open = stat.indexOf('(');
                int close = stat.lastIndexOf(')');
                String group = nativeGroup(stat.substring(open + 1, close));
                if (group == null) continue;
                String[] fields = stat.substring(close + 2).split(" ");
                // After comm: state is field 3 of stat(5), utime field 14 and stime field 15.
                long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                byGroup.merge(group, ticks * NANOS_PER_TICK, Long::sum);
            }
        } catch (IOException unreadable) {
            // /proc could not be listed: the Java threads alone
        }
        return byGroup;
    }
}
