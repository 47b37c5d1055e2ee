package dev.lookalike.solr.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookalike.analyzer.stats.Percentiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NodeFiguresTest {

    private static JsonNode render(boolean loaded) {
        NodeFigures figures = new NodeFigures(12, 40, 7, new Percentiles(7, 5.7, 4, 32, 32, 32),
                new Percentiles(40, 1.5, 1.2, 2.5, 9.9, 10.1), new Percentiles(7, 20, 3, 60, 80, 81), 8_000_000,
                12L << 20, 3, 4, 2, 1, 5, 100, "fashion", loaded ? 1_764_547_200_000L : -1, 2, 30, 6);
        return new ObjectMapper().valueToTree(figures.toJson());
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void rendersEachFigureUnderTheNameOpenSearchsStatsGiveIt() {
        JsonNode json = render(true);
        assertEquals(List.of("similarity_searches", "images", "memory", "inference_pool", "model",
                "catalogue_proxies"), names(json));
        assertEquals(List.of("embedded", "batches", "batch_size", "decode_millis", "inference_millis"),
                names(json.path("images")));
        assertEquals(List.of("count", "mean", "p50", "p90", "p99", "max"),
                names(json.path("images").path("decode_millis")));
        assertEquals(Set.of("in_flight_image_bytes", "max_in_flight_image_bytes", "rejected_images"),
                Set.copyOf(names(json.path("memory"))));
        assertEquals(Set.of("threads", "queue", "active", "rejected", "completed"),
                Set.copyOf(names(json.path("inference_pool"))));
        assertEquals(Set.of("cached", "hits", "misses"), Set.copyOf(names(json.path("catalogue_proxies"))));
        assertEquals(9.9, json.path("images").path("decode_millis").path("p99").asDouble());
        assertEquals(60, json.path("images").path("inference_millis").path("p90").asDouble());
        assertEquals(2, json.path("inference_pool").path("queue").asInt());
        assertEquals(6, json.path("catalogue_proxies").path("misses").asLong());
        assertEquals("2025-12-01T00:00:00Z", json.path("model").path("loaded_at").asText());
        JsonNode notLoaded = render(false).path("model");
        assertFalse(notLoaded.path("loaded").asBoolean());
        assertEquals(List.of("name", "loaded"), names(notLoaded));
    }
}
