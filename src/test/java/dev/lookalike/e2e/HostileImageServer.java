package dev.lookalike.e2e;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An image host on 127.0.0.1 that misbehaves, for the URL sources of the engines' ingest: {@link #REDIRECT}
 * answers a redirect to a host off any allow-list, and {@link #SLOW} sends its headers at once and then its body a
 * byte every 100 ms (slow-loris), which would take almost two minutes. Each request has its own thread, so a slow
 * answer holds up no other.
 */
public final class HostileImageServer implements AutoCloseable {

    /** Answers 302 to {@link #OFF_THE_LIST}. */
    public static final String REDIRECT = "/redirect.png";
    /** Trickles a 1,000-byte body a byte at a time. */
    public static final String SLOW = "/slow.png";
    /** Where {@link #REDIRECT} sends the client. */
    public static final String OFF_THE_LIST = "http://images.elsewhere.example/a.png";

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool();

    /** Starts the server on a free port. */
    public HostileImageServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext(REDIRECT, exchange -> {
            exchange.getResponseHeaders().add("Location", OFF_THE_LIST);
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext(SLOW, exchange -> {
            exchange.sendResponseHeaders(200, 1000);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 1000; i++) {
                    out.write(i);
                    out.flush();
                    Thread.sleep(100);
                }
            } catch (IOException | InterruptedException e) {
                // The client gave up and closed the connection, or the server is stopping: both expected.
            }
        });
        server.setExecutor(handlers);
        server.start();
    }

    /**
     * @param path {@link #REDIRECT} or {@link #SLOW}
     * @return its URL on this server
     */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Stops the server and the slow answers still trickling. */
    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
