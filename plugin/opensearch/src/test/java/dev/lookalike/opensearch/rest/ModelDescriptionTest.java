package dev.lookalike.opensearch.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookalike.analyzer.model.ModelBundle;
import dev.lookalike.analyzer.model.ModelSpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opensearch.common.xcontent.XContentFactory;
import org.opensearch.core.common.bytes.BytesReference;
import org.opensearch.core.xcontent.XContentBuilder;

class ModelDescriptionTest {

    @Test
    void describesTheSpecWithItsOwnFieldNames() throws Exception {
        ModelSpec spec = ModelBundle.load("fashion").spec();
        XContentBuilder builder = XContentFactory.jsonBuilder();
        ModelDescription.write(spec, builder);
        JsonNode json = new ObjectMapper().readTree(BytesReference.bytes(builder).utf8ToString());

        assertEquals(spec.name(), json.path("name").asText());
        assertEquals(spec.embeddingSize(), json.path("embedding_size").asInt());
        List<String> classes = new ArrayList<>();
        json.path("classes").forEach(c -> classes.add(c.asText()));
        assertEquals(spec.classes(), classes);
        assertEquals(spec.temperature(), json.path("temperature").floatValue());
        assertEquals(spec.mirrorAverage(), json.path("mirror_average").asBoolean());
        assertEquals(spec.proxyAnchor(), json.path("proxy_anchor").floatValue());
        assertEquals(spec.rerankWeight(), json.path("rerank_weight").floatValue());
        assertEquals(spec.input().height(), json.path("input").path("height").asInt());
        assertEquals(spec.input().background(), json.path("input").path("background").asText());
        assertEquals(spec.network().architecture(), json.path("network").path("architecture").asText());
        assertEquals(spec.training().classesSeen().size(), json.path("training").path("classes_seen").size());
        assertEquals(spec.training().epochs(), json.path("training").path("epochs").asInt());
        assertTrue(json.path("whitening").isNull(), "fashion is not whitened");
    }

    @Test
    void tellsHowAWhitenedModelWasWhitened() throws Exception {
        ModelSpec spec = ModelBundle.load("fashion-open-set").spec();
        XContentBuilder builder = XContentFactory.jsonBuilder();
        ModelDescription.write(spec, builder);
        JsonNode whitening = new ObjectMapper().readTree(BytesReference.bytes(builder).utf8ToString()).path("whitening");
        assertEquals(spec.whitening().dataset(), whitening.path("dataset").asText());
        assertEquals(spec.whitening().images(), whitening.path("images").asInt());
        assertEquals(spec.whitening().shrinkage(), whitening.path("shrinkage").floatValue());
    }
}
