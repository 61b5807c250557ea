package io.stockflow.flink.main;

import java.nio.file.Path;

/** The project folder the launcher runs from (its {@code stockflow.home}), where local state and configuration live. */
public final class Home {
    private Home() {}

    public static Path path() {
        return Path.of(System.getProperty("stockflow.home", "."))
                .toAbsolutePath()
                .normalize();
    }
}
