package io.stockflow.marketsim.core;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every call the simulator answered: the most recent ones in full (a bounded window, so a long demo keeps its memory),
 * and counters per channel and endpoint that never roll over.
 */
public final class CallLog {
    /** One answered call; {@code accepted} when the API took it (a 2xx answer). */
    public record Call(Instant at, Channel channel, String endpoint, String method, String path, int status) {
        public boolean accepted() {
            return status >= 200 && status < 300;
        }
    }

    private final int window;
    private final Deque<Call> recent = new ArrayDeque<>();
    private final Map<String, Map<String, long[]>> counts = new TreeMap<>();

    public CallLog(int window) {
        this.window = window;
    }

    public synchronized void record(Call call) {
        if (recent.size() == window) recent.removeFirst();
        recent.addLast(call);
        long[] n = counts.computeIfAbsent(call.channel().key, c -> new TreeMap<>())
                .computeIfAbsent(call.endpoint(), e -> new long[2]);
        n[0]++;
        if (call.accepted()) n[1]++;
    }

    /** The latest calls, oldest first; at most {@code limit}. */
    public synchronized List<Call> recent(int limit) {
        List<Call> all = new ArrayList<>(recent);
        return all.subList(Math.max(0, all.size() - limit), all.size());
    }

    /** Per channel and endpoint: how many calls came and how many were accepted. */
    public synchronized Map<String, Map<String, Map<String, Long>>> counters() {
        Map<String, Map<String, Map<String, Long>>> copy = new LinkedHashMap<>();
        counts.forEach((channel, endpoints) -> {
            Map<String, Map<String, Long>> perEndpoint = new LinkedHashMap<>();
            endpoints.forEach((endpoint, n) -> perEndpoint.put(endpoint, Map.of("calls", n[0], "accepted", n[1])));
            copy.put(channel, perEndpoint);
        });
        return copy;
    }

    public synchronized void clear() {
        recent.clear();
        counts.clear();
    }
}
