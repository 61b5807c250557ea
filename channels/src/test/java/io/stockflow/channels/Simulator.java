package io.stockflow.channels;

import com.fasterxml.jackson.databind.JsonNode;
import io.stockflow.marketsim.MarketplaceSimulator;
import io.stockflow.marketsim.SimulatorAdmin;
import io.stockflow.marketsim.SimulatorSettings;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The marketplace simulator running in the test JVM on a free port, and its admin API: seeding, state, faults. */
final class Simulator implements AutoCloseable {
    final ShiftedClock clock = new ShiftedClock();
    private final MarketplaceSimulator server;
    final URI base;
    private final SimulatorAdmin admin;

    Simulator(SimulatorSettings settings) {
        server = new MarketplaceSimulator(settings, clock, 0);
        base = server.start();
        admin = new SimulatorAdmin(base);
    }

    Simulator() {
        this(SimulatorSettings.defaults());
    }

    void seed(String path, String json) {
        admin.seed(path, json);
    }

    /** Switches a channel's failure mode, e.g. {@code {"mode":"outage"}}. */
    void fault(String channel, String json) {
        admin.fault(channel, json);
    }

    JsonNode admin(String path) {
        return admin.get(path);
    }

    /** The statuses of the calls the simulator received of one channel's operation, oldest first. */
    List<Integer> calls(String channel, String operation) {
        List<Integer> statuses = new ArrayList<>();
        for (JsonNode call : admin("/_sim/calls?limit=10000")) {
            if (channel.equals(call.path("channel").asText())
                    && operation.equals(call.path("endpoint").asText())) {
                statuses.add(call.path("status").asInt());
            }
        }
        return statuses;
    }

    /** When the simulator answered each call of one channel's operation, oldest first (on its clock). */
    List<Instant> callTimes(String channel, String operation) {
        List<Instant> times = new ArrayList<>();
        for (JsonNode call : admin("/_sim/calls?limit=10000")) {
            if (channel.equals(call.path("channel").asText())
                    && operation.equals(call.path("endpoint").asText())) {
                times.add(Instant.parse(call.path("at").asText()));
            }
        }
        return times;
    }

    /** The quantity the simulator keeps for one listing (see {@link SimulatorAdmin#quantity}); null if none. */
    Long quantity(String channel, String quantityField, String... fieldValues) {
        return admin.quantity(channel, quantityField, fieldValues);
    }

    @Override
    public void close() {
        server.close();
    }
}
