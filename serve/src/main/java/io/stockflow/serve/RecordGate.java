package io.stockflow.serve;

/**
 * Called by the reader before it applies each record. The service passes one that lets every record through at once; a
 * test passes one that holds the reader, to look at the service while it is still catching up.
 */
@FunctionalInterface
interface RecordGate {
    RecordGate OPEN = () -> {};

    void await() throws InterruptedException;
}
