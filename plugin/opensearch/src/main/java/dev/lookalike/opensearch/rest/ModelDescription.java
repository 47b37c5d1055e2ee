package dev.lookalike.opensearch.rest;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookalike.analyzer.model.ModelSpec;
import java.io.IOException;
import java.util.Map;
import org.opensearch.core.xcontent.XContentBuilder;

/**
 * Renders a model bundle's spec for {@code GET /_plugins/lookalike/model}: its name, embedding size, classes,
 * proxy softmax temperature, whether it averages with the mirror image, and, as the bundle's {@code spec.json}
 * spells them, its network, input specification and training provenance. The spec stays the one source of truth:
 * the nested objects are its own JSON, so a field added to the spec shows up here without a change.
 */
final class ModelDescription {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private ModelDescription() {
    }

    /**
     * Writes the description as one JSON object. Costs a conversion of the spec (a few kilobytes).
     *
     * @param spec the loaded bundle's spec
     * @param json the builder to write into
     * @throws IOException if the builder fails
     */
    static void write(ModelSpec spec, XContentBuilder json) throws IOException {
        json.startObject()
                .field("name", spec.name())
                .field("embedding_size", spec.embeddingSize())
                .field("classes", spec.classes())
                .field("temperature", spec.temperature())
                .field("mirror_average", spec.mirrorAverage())
                .field("proxy_anchor", spec.proxyAnchor())
                .field("rerank_weight", spec.rerankWeight())
                .field("network", JSON.convertValue(spec.network(), OBJECT))
                .field("input", JSON.convertValue(spec.input(), OBJECT))
                .field("training", spec.training() == null ? null : JSON.convertValue(spec.training(), OBJECT))
                .field("whitening", spec.whitening() == null ? null : JSON.convertValue(spec.whitening(), OBJECT))
                .endObject();
    }
}
