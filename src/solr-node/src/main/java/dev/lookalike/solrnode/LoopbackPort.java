package dev.lookalike.solrnode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** The loopback address every server of the launcher binds, and free ports on it. */
final class LoopbackPort {

    /** The only address the launcher's servers listen on: nodes never need the network. */
    static final String HOST = "127.0.0.1";

    private LoopbackPort() {
    }

    /**
     * Returns the port unless it is 0, else a port that nothing listens on now. A SolrCloud node must know its
     * port before it starts (it registers {@code host:port} in ZooKeeper), so 0 cannot be left to the server.
     * Another process could take the port before the server binds it; the server then fails with a bind error.
     *
     * @param port a port, or 0 for a free one
     * @return the port to bind
     */
    static int resolve(int port) {
        if (port != 0) {
            return port;
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + HOST, e);
        }
    }
}
