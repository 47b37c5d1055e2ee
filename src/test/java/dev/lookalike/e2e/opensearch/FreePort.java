package dev.lookalike.e2e.opensearch;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** A TCP port on loopback that nothing listens on now, for a node to bind. */
final class FreePort {

    private FreePort() {
    }

    /**
     * Asks the kernel for a free port and releases it. Another process could take it before the node binds it;
     * on a test machine that is rare, and the node then fails to start with a clear message in its log.
     *
     * @return the port number
     * @throws IOException if no port can be bound
     */
    static int pick() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
