package dev.lookalike.e2e.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lookalike.e2e.CoreOracle;
import dev.lookalike.search.index.IndexedItem;
import dev.lookalike.search.query.SearchHit;
import dev.lookalike.search.query.SearchResults;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The search core's answers on an OpenSearch index's own vectors, and the check that the plug-in's equal them. */
final class OpenSearchOracle {

    private OpenSearchOracle() {
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
        List<IndexedItem> items = new ArrayList<>();
        for (JsonNode hit : all.body().path("hits").path("hits")) {
            JsonNode source = hit.path("_source");
            items.add(new IndexedItem(hit.path("_id").asText(), source.path("category").asText(),
                    source.path("title").asText(), null, null, Map.of(), CoreOracle.floats(source.path("embedding"))));
        }
        assertEquals(count, items.size(), "documents read from " + index);
        return CoreOracle.of(items);
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
}
