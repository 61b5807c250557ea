package io.stockflow.marketsim;

import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh simulator on a free port for each test, on a clock the test moves. */
abstract class SimulatorTest {
    static final Instant START = Instant.parse("2026-12-07T09:00:00Z");

    final MutableClock clock = new MutableClock(START);
    MarketplaceSimulator simulator;
    SimHttp http;

    SimulatorSettings settings() {
        return SimulatorSettings.defaults();
    }

    @BeforeEach
    void startSimulator() {
        simulator = new MarketplaceSimulator(settings(), clock, 0);
        http = new SimHttp(simulator.start());
    }

    @AfterEach
    void stopSimulator() {
        simulator.close();
    }
}
