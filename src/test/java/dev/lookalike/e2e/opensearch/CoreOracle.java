package dev.lookalike.e2e.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.lookalike.analyzer.model.ModelBundle;
import dev.lookalike.search.index.CatalogueIndex;
import dev.lookalike.search.index.IndexMetadata;
import dev.lookalike.search.index.IndexSettings;
import dev.lookalike.search.index.IndexedItem;
import dev.lookalike.search.query.SearchHit;
import dev.lookalike.search.query.SearchResults;
import dev.lookalike.search.query.SimilarityQuery;
import dev.lookalike.search.query.SimilaritySearcher;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The search core, run in the test JVM on the very vectors an OpenSearch index holds: what the plug-in's
 * answers must equal. The core index has the shipped {@code fashion} model's proxies, as the plug-in has.
 */
final class CoreOracle implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DirectoryReader reader;
    private final SimilaritySearcher searcher;

    private CoreOracle(DirectoryReader reader) throws IOException {
        this.reader = reader;
        this.searcher = SimilaritySearcher.open(reader);
    }

    /**
     * Reads every document's {@code embedding}, {@code category} and {@code title} and indexes them with the core.
     *
     * @param node  a node of the cluster
     * @param index the OpenSearch index
     * @param count how many documents it holds
     * @return the oracle
     */
    static CoreOracle of(OpenSearchNode node, String index, int count) throws Exception {
        JsonResponse all = node.send("POST", "/" + index + "/_search",
                "{\"size\": " + count + ", \"_source\": [\"embedding\", \"category\", \"title\"]}");
        assertEquals(200, all.status(), all::toString);
        ModelBundle fashion = ModelBundle.load("fashion");
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        try (CatalogueIndex core = CatalogueIndex.create(directory,
                IndexMetadata.forModel(fashion, IndexSettings.defaults(64)))) {
            List<IndexedItem> items = new ArrayList<>();
            for (JsonNode hit : all.body().path("hits").path("hits")) {
                JsonNode source = hit.path("_source");
                items.add(new IndexedItem(hit.path("_id").asText(), source.path("category").asText(),
                        source.path("title").asText(), null, null, Map.of(), floats(source.path("embedding"))));
            }
            assertEquals(count, items.size(), "documents read from " + index);
            core.putAll(items);
            core.commit();
        }
        return new CoreOracle(DirectoryReader.open(directory));
    }

    /**
     * @param query a core query
     * @return the core's results
     */
    SearchResults search(SimilarityQuery query) throws IOException {
        return searcher.search(query);
    }

    /**
     * Asserts that an OpenSearch answer equals the core's: the same ids in the same order, and each
     * {@code _score} equal to {@code (1 + core score) / 2}.
     *
     * @param expected  the core's results
     * @param actual    the OpenSearch search answer
     * @param tolerance how far scores may differ
     */
    static void assertSameHits(SearchResults expected, JsonNode actual, double tolerance) {
        JsonNode hits = actual.path("hits").path("hits");
        List<String> expectedIds = expected.hits().stream().map(SearchHit::id).toList();
        List<String> actualIds = new ArrayList<>();
        hits.forEach(h -> actualIds.add(h.path("_id").asText()));
        assertEquals(expectedIds, actualIds, actual::toString);
        for (int i = 0; i < hits.size(); i++) {
            assertEquals((1 + expected.hits().get(i).score()) / 2, hits.get(i).path("_score").asDouble(), tolerance,
                    "hit " + i);
        }
    }

    /** @return a JSON array of numbers as floats */
    static float[] floats(JsonNode array) {
        float[] out = new float[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).floatValue();
        }
        return out;
    }

    /** @return the vector as a JSON array */
    static ArrayNode array(float[] vector) {
        ArrayNode out = JSON.createArrayNode();
        for (float x : vector) {
            out.add(x);
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
