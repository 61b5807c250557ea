package io.stockflow.testing;

import io.stockflow.flink.main.FlinkOptions;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.apache.flink.changelog.fs.FsStateChangelogOptions;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateChangelogOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.state.rocksdb.RocksDBOptions;

/** The project's state set-up from {@code flink-conf/config.yaml}, for tests that restore into it. */
public final class ProjectStateSettings {
    private ProjectStateSettings() {}

    /**
     * The {@code state.*} settings of the project's {@code config.yaml}, the claim mode of its restores and the
     * {@code alsoKeys} it sets; RocksDB's files and the checkpoints under {@code dir}.
     */
    public static Configuration read(Path dir, ConfigOption<?>... alsoKeys) {
        Set<String> keys = new HashSet<>();
        keys.add(StateRecoveryOptions.RESTORE_MODE.key());
        for (ConfigOption<?> option : alsoKeys) keys.add(option.key());
        Configuration state = new Configuration();
        FlinkOptions.embeddedConfiguration(Path.of("..", "flink-conf")).toMap().forEach((key, value) -> {
            if (key.startsWith("state.") || keys.contains(key)) state.setString(key, value);
        });
        state.set(RocksDBOptions.LOCAL_DIRECTORIES, dir.resolve("rocksdb").toString());
        state.set(
                CheckpointingOptions.CHECKPOINTS_DIRECTORY,
                dir.resolve("checkpoints").toUri().toString());
        return state;
    }

    /** What the TaskManager needs for the changelog (a job cannot set it): where the log's files go. */
    public static Configuration changelogStorage(Path base) {
        Configuration cluster = new Configuration();
        cluster.set(StateChangelogOptions.STATE_CHANGE_LOG_STORAGE, "filesystem");
        cluster.set(FsStateChangelogOptions.BASE_PATH, base.toUri().toString());
        return cluster;
    }
}
