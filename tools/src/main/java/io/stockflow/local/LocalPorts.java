package io.stockflow.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Ports on 127.0.0.1 that the local broker, cluster and demo bind: whether something already holds one. */
public final class LocalPorts {
    private LocalPorts() {}

    /** Whether a server accepts connections on the port. */
    public static boolean accepts(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether the port can be bound on 127.0.0.1 now. */
    public static boolean free(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A port that was free on 127.0.0.1 a moment ago. */
    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("no free port on 127.0.0.1", e);
        }
    }

    /** A port that, with the next one, was free on 127.0.0.1 a moment ago (a JobManager's and TaskManager's pair). */
    public static int freePortPair() {
        for (int i = 0; i < 20; i++) {
            int p = freePort();
            if (p < 65535 && free(p + 1)) return p;
        }
        throw new IllegalStateException("no two adjacent free ports on 127.0.0.1");
    }
}
