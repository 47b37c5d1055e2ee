package dev.lookalike.e2e.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookalike.e2e.TestImages;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Many large images at once, each within the pixel limit: the node accounts the decoded pixels of the images in
 * flight against {@code lookalike.max_inflight_image_bytes} and answers those beyond it 429 before its heap runs
 * out; it stays up and embeds afterwards.
 */
class ImageMemoryTest {

    private static final String EMBED = "/_plugins/lookalike/_embed";

    @Test
    void largeImagesBeyondTheInFlightBudgetAreAnswered429AndTheNodeStaysUp() throws Exception {
        // A 1000 x 1000 image is counted 8 MB; the budget holds one at a time, and four threads decode at once.
        try (OpenSearchNode node = OpenSearchNode.start(Path.of(System.getProperty("lookalike.opensearch.distribution")),
                List.of(Path.of(System.getProperty("lookalike.opensearch.plugin"))),
                Map.of("lookalike.inference_threads", "4", "lookalike.inference_queue_size", "100",
                        "lookalike.max_inflight_image_bytes", "12mb"))) {
            String body = TestImages.embedBody(TestImages.noisePng(1000, 1000, 5));
            HttpClient client = node.client();
            List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                answers.add(client.sendAsync(HttpRequest.newBuilder(node.uri().resolve(EMBED))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(), HttpResponse.BodyHandlers.ofString()));
            }
            int ok = 0;
            int refused = 0;
            for (CompletableFuture<HttpResponse<String>> future : answers) {
                HttpResponse<String> answer = future.join();
                if (answer.statusCode() == 200) {
                    ok++;
                } else {
                    assertEquals(429, answer.statusCode(), answer.body());
                    assertTrue(answer.body().contains("lookalike.max_inflight_image_bytes"), answer.body());
                    refused++;
                }
            }
            assertTrue(ok > 0, "images are embedded while the budget allows (" + refused + " refused)");
            assertTrue(refused > 0, "four decodes at once of 8 MB images exceed a 12 MB budget (" + ok + " ok)");
            assertTrue(node.isRunning());
            JsonResponse after = node.send("POST", EMBED, TestImages.embedBody(TestImages.noisePng(1000, 1000, 6)));
            assertEquals(200, after.status(), after::toString);
        }
    }
}
