package io.stockflow.flink.ingest;

import io.stockflow.ingest.ContactHashes;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The contact digests of the task that parses orders, keyed from the environment of the process it runs in (each
 * TaskManager's, like the channels' credentials): the key never travels in the job graph and is never logged.
 */
public final class TaskContactHashes {
    private static final Logger LOG = LoggerFactory.getLogger(TaskContactHashes.class);
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    private TaskContactHashes() {}

    /** From {@value ContactHashes#KEY_VARIABLE}; without it, plain SHA-256 and one warning per process. */
    public static ContactHashes fromEnvironment() {
        ContactHashes hashes = ContactHashes.from(System.getenv());
        if (!hashes.keyed() && WARNED.compareAndSet(false, true)) {
            LOG.warn(
                    "{} is not set: customer e-mails and phones are kept as plain SHA-256, which a list of known "
                            + "addresses reverses. Set it to a secret of at least {} bytes on every TaskManager.",
                    ContactHashes.KEY_VARIABLE,
                    ContactHashes.MIN_KEY_BYTES);
        }
        return hashes;
    }
}
