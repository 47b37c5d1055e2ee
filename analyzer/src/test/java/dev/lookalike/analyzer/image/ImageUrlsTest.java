package dev.lookalike.analyzer.image;

import dev.lookalike.analyzer.AnalyzerInputException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
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
        assertRefused(urls, base + "/moved.png", "answered HTTP 302");
        assertRefused(urls, base + "/missing.png", "answered HTTP 404");
        assertRefused(urls, base + "/big.png", "over [lookalike.max_image_bytes] 100 bytes");
    }

    @Test
    void refusesEveryUrlWhenNoHostIsAllowed() {
        assertRefused(new ImageUrls(List.of(), 100), base + "/ok.png", "fetching URLs is off on this node");
    }
}
