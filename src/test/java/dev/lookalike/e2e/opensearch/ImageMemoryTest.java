package dev.lookalike.e2e.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lookalike.e2e.TestImages;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Many large images at once, each within the pixel limit: the node accounts the decoded pixels of the images in
 * flight against {@code lookalike.max_inflight_image_bytes} and answers those beyond it 429 before its heap runs
 * out; it stays up and embeds afterwards, and its stats count the images embedded and refused.
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
            Map<Integer, List<String>> answers = EmbedBurst.send(node, body, 40);
            assertEquals(java.util.Set.of(200, 429), answers.keySet(), answers::toString);
            answers.get(429).forEach(refusal -> assertTrue(refusal.contains("lookalike.max_inflight_image_bytes"),
                    refusal));
            int ok = answers.get(200).size();
            int refused = answers.get(429).size();
            assertTrue(ok > 0, "images are embedded while the budget allows (" + refused + " refused)");
            assertTrue(refused > 0, "four decodes at once of 8 MB images exceed a 12 MB budget (" + ok + " ok)");
            assertTrue(node.isRunning());
            JsonNode stats = node.get("/_plugins/lookalike/stats").body();
            assertEquals(refused, stats.path("memory").path("rejected_images").asInt(), stats::toString);
            assertEquals(0, stats.path("memory").path("in_flight_image_bytes").asLong(), "all released: " + stats);
            assertEquals(12L << 20, stats.path("memory").path("max_in_flight_image_bytes").asLong(), stats::toString);
            assertEquals(ok, stats.path("images").path("embedded").asInt(), "one per embedded image: " + stats);
            assertTrue(stats.path("model").path("loaded").asBoolean(), stats::toString);
            assertEquals(4, stats.path("inference_pool").path("threads").asInt(), stats::toString);
            JsonResponse after = node.send("POST", EMBED, TestImages.embedBody(TestImages.noisePng(1000, 1000, 6)));
            assertEquals(200, after.status(), after::toString);
        }
    }
}
