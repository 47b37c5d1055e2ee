package dev.lookalike.opensearch.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookalike.analyzer.stats.Percentiles;
import org.junit.jupiter.api.Test;
import org.opensearch.common.io.stream.BytesStreamOutput;
import org.opensearch.common.xcontent.XContentFactory;
import org.opensearch.core.common.bytes.BytesReference;
import org.opensearch.core.xcontent.ToXContent;
import org.opensearch.core.xcontent.XContentBuilder;

class NodeFiguresTest {

    private static NodeFigures figures(boolean loaded) {
        return new NodeFigures(12,
                new NodeFigures.Images(40, 7, new Percentiles(7, 5.7, 4, 32, 32, 32),
                        new Percentiles(40, 1.5, 1.2, 2.5, 9.9, 10.1), new Percentiles(7, 20, 3, 60, 80, 81)),
                new NodeFigures.Memory(8_000_000, 12L << 20, 3),
                new NodeFigures.InferencePool(4, 2, 1, 5, 100),
                new NodeFigures.Model("fashion", loaded, loaded ? 1_764_547_200_000L : -1),
                new NodeFigures.ProxyCache(2, 30, 2));
    }

    private static JsonNode render(NodeFigures figures) throws Exception {
        XContentBuilder json = XContentFactory.jsonBuilder().startObject();
        figures.toXContent(json, ToXContent.EMPTY_PARAMS);
        return new ObjectMapper().readTree(BytesReference.bytes(json.endObject()).utf8ToString());
    }

    @Test
    void travelsBetweenNodesUnchanged() throws Exception {
        for (boolean loaded : new boolean[] {true, false}) {
            NodeFigures sent = figures(loaded);
            try (BytesStreamOutput out = new BytesStreamOutput()) {
                sent.writeTo(out);
                assertEquals(sent, NodeFigures.readFrom(out.bytes().streamInput()));
            }
        }
    }

    @Test
    void rendersEachFigureUnderItsName() throws Exception {
        JsonNode json = render(figures(true));
        assertEquals(12, json.path("similarity_searches").asLong());
        assertEquals(40, json.path("images").path("embedded").asLong());
        assertEquals(7, json.path("images").path("batches").asLong());
        assertEquals(32, json.path("images").path("batch_size").path("max").asDouble());
        assertEquals(9.9, json.path("images").path("decode_millis").path("p99").asDouble());
        assertEquals(60, json.path("images").path("inference_millis").path("p90").asDouble());
        assertEquals(3, json.path("memory").path("rejected_images").asLong());
        assertEquals(2, json.path("inference_pool").path("queue").asInt());
        assertEquals(5, json.path("inference_pool").path("rejected").asLong());
        assertEquals("2025-12-01T00:00:00Z", json.path("model").path("loaded_at").asText());
        assertEquals(30, json.path("catalogue_proxies").path("hits").asLong());
        JsonNode notLoaded = render(figures(false)).path("model");
        assertFalse(notLoaded.path("loaded").asBoolean());
        assertFalse(notLoaded.has("loaded_at"), notLoaded::toString);
    }
}
