package dev.lookalike.solrnode;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.zookeeper.server.ServerCnxnFactory;
import org.apache.zookeeper.server.ZooKeeperServer;

/**
 * A standalone ZooKeeper server in this JVM, on loopback, for a local SolrCloud: one server, no quorum, no admin
 * server, its snapshots and transaction log in one folder. Starting takes well under a second; {@link #close}
 * stops it and leaves its folder (a later server on the same folder sees the same tree).
 */
public final class EmbeddedZooKeeper implements AutoCloseable {

    private static final int TICK_MILLIS = 2000;
    private static final int MAX_CLIENT_CONNECTIONS = 500;

    private final ServerCnxnFactory connections;
    private final ZooKeeperServer server;

    private EmbeddedZooKeeper(ServerCnxnFactory connections, ZooKeeperServer server) {
        this.connections = connections;
        this.server = server;
    }

    /**
     * @param port    the client port, or 0 for a free one
     * @param dataDir where the server keeps its data, created if missing
     * @return the running server
     * @throws LaunchException if the folder cannot be used or the port cannot be bound
     */
    public static EmbeddedZooKeeper start(int port, Path dataDir) throws LaunchException, InterruptedException {
        try {
            Files.createDirectories(dataDir);
            ZooKeeperServer server = new ZooKeeperServer(dataDir.toFile(), dataDir.toFile(), TICK_MILLIS);
            ServerCnxnFactory connections = ServerCnxnFactory.createFactory(
                    new InetSocketAddress(LoopbackPort.HOST, port), MAX_CLIENT_CONNECTIONS);
            connections.startup(server);
            return new EmbeddedZooKeeper(connections, server);
        } catch (IOException e) {
            throw new LaunchException("cannot start ZooKeeper on " + LoopbackPort.HOST + ":" + port + " with data in "
                    + dataDir + ": " + e, e);
        }
    }

    /** @return the connection string, {@code 127.0.0.1:port} */
    public String address() {
        return LoopbackPort.HOST + ":" + connections.getLocalPort();
    }

    /** Stops the server; its data stays. Safe to call twice. */
    @Override
    public void close() {
        connections.shutdown();
        if (server.isRunning()) {
            server.shutdown();
        }
    }
}
