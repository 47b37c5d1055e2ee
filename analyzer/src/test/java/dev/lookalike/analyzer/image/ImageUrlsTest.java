package dev.lookalike.analyzer.image;

import dev.lookalike.analyzer.AnalyzerInputException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ImageUrlsTest {

    private HttpServer server;
    private String base;

    @BeforeEach
    void startServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/ok.png", exchange -> {
            byte[] body = {7, 8, 9};
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/big.png", exchange -> {
            byte[] body = new byte[500];
            exchange.sendResponseHeaders(200, 0);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/moved.png", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://example.com/x.png");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private static void assertRefused(ImageUrls urls, String url, String reason) {
        AnalyzerInputException e = assertThrows(AnalyzerInputException.class, () -> urls.fetch(url, "[u]"));
        assertTrue(e.getMessage().startsWith("[u]"), e.getMessage());
        assertTrue(e.getMessage().contains(reason), "'" + e.getMessage() + "' should contain '" + reason + "'");
    }

    @Test
    void fetchesFromAnAllowedHost() throws Exception {
        assertArrayEquals(new byte[] {7, 8, 9}, new ImageUrls(List.of("127.0.0.1"), 100).fetch(base + "/ok.png", "[u]"));
    }

    @Test
    void refusesOtherHostsSchemesRedirectsErrorsAndLargeBodies() {
        ImageUrls urls = new ImageUrls(List.of("127.0.0.1"), 100);
        assertRefused(urls, "http://localhost:" + server.getAddress().getPort() + "/ok.png",
                "host [localhost] is not in [lookalike.ingest.url_allow_list]");
        assertRefused(urls, "file:///etc/passwd", "must be an http or https URL");
        assertRefused(urls, "http://exa mple.com/a.png", "is not a valid URL");
        assertRefused(urls, base + "/moved.png", "answered HTTP 302, a redirect to [http://example.com/x.png]: "
                + "redirects are not followed");
        assertRefused(urls, base + "/missing.png", "answered HTTP 404");
        assertRefused(urls, base + "/big.png", "over [lookalike.max_image_bytes] 100 bytes");
    }

    @Test
    void refusesEveryUrlWhenNoHostIsAllowed() {
        assertRefused(new ImageUrls(List.of(), 100), base + "/ok.png", "fetching URLs is off on this node");
    }

    @Test
    void givesUpOnASlowServerAtTheDeadline() throws Exception {
        ImageUrls urls = new ImageUrls(List.of("127.0.0.1"), 10_000, Duration.ofMillis(500));
        try (ServerSocket slowLoris = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread sender = Thread.ofVirtual().start(() -> trickle(slowLoris));
            // The body would take 100 seconds; the fetch ends at its deadline, whatever the server does.
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertRefused(urls,
                    "http://127.0.0.1:" + slowLoris.getLocalPort() + "/slow.png", "did not answer in full within 500 ms"));
            sender.interrupt();
        }
    }

    @Test
    void givesUpOnAServerThatNeverAnswersAtTheDeadline() throws Exception {
        ImageUrls urls = new ImageUrls(List.of("127.0.0.1"), 10_000, Duration.ofMillis(500));
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            // The connection is accepted by the backlog, and nothing is ever sent back.
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertRefused(urls,
                    "http://127.0.0.1:" + silent.getLocalPort() + "/silent.png", "did not answer in full within 500 ms"));
        }
    }

    /** Answers one request with a 1,000-byte body, its headers at once and then a byte every 100 ms. */
    private static void trickle(ServerSocket server) {
        try (Socket client = server.accept(); OutputStream out = client.getOutputStream()) {
            out.write("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 1000; i++) {
                out.write('x');
                out.flush();
                Thread.sleep(100);
            }
        } catch (IOException | InterruptedException e) {
            // The client closed the connection at its deadline, or the test is over.
        }
    }

    @Test
    void namesAServerThatCannotBeReached() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        assertRefused(new ImageUrls(List.of("127.0.0.1"), 100), "http://127.0.0.1:" + closed + "/a.png",
                "could not be fetched");
    }
}
