package io.stockflow.serve;

import io.javalin.http.sse.SseClient;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The console's server-sent events: every second each open page gets the live summary as a {@code summary} event. One
 * summary is made per second for all pages; nothing is made while no page is open.
 */
final class LiveUpdates implements AutoCloseable {
    static final long EVERY_MILLIS = 1000;

    private final LiveSummary summary;
    private final CopyOnWriteArrayList<SseClient> clients = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "stockflow-serve-live");
        t.setDaemon(true);
        return t;
    });

    LiveUpdates(LiveSummary summary) {
        this.summary = summary;
    }

    void start() {
        timer.scheduleWithFixedDelay(this::send, EVERY_MILLIS, EVERY_MILLIS, TimeUnit.MILLISECONDS);
    }

    void add(SseClient client) {
        clients.add(client);
        client.onClose(() -> clients.remove(client));
        // The first summary at once, so the page does not wait a second for its numbers.
        client.sendEvent("summary", JsonBodies.write(summary.at(System.currentTimeMillis())));
    }

    int clients() {
        return clients.size();
    }

    private void send() {
        if (clients.isEmpty()) return;
        try {
            String json = JsonBodies.write(summary.at(System.currentTimeMillis()));
            for (SseClient c : clients) {
                if (c.terminated()) clients.remove(c);
                else c.sendEvent("summary", json);
            }
        } catch (RuntimeException e) {
            // A page that went away mid-send is dropped by its onClose; the next second goes to the others.
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        for (SseClient c : clients) c.close();
    }
}
