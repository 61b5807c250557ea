package io.stockflow.lifecycle;

import io.stockflow.notify.NotificationTemplates;
import io.stockflow.notify.NotificationTemplatesReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;

/** The test policy and templates of {@code src/test/resources/lifecycle/}. */
final class TestConfig {
    private TestConfig() {}

    static SlaPolicy policy() {
        return SlaPolicyReader.read(bytes("test-policy.json"));
    }

    static NotificationTemplates templates() {
        return NotificationTemplatesReader.read(bytes("test-templates.json"));
    }

    static byte[] bytes(String name) {
        try (InputStream in = TestConfig.class.getResourceAsStream("/lifecycle/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static long at(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }
}
