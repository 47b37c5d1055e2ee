package dev.lookalike.e2e.opensearch;

import static dev.lookalike.e2e.CoreOracle.array;
import static dev.lookalike.e2e.CoreOracle.floats;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookalike.analyzer.dataset.FashionMnist;
import dev.lookalike.e2e.TestImages;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * How {@code image_knn} runs on shards, on a real node: each shard searches once per request whatever the
 * request also asks for (a page past the first, highlighting, {@code dfs_query_then_fetch}), counted by the
 * node's {@code GET /_plugins/lookalike/stats}; and an index sorted by its category keyword
 * ({@code index.sort.field}), loaded through {@code image_embedding}, answers category-filtered queries exactly
 * as the same catalogue unsorted, over several segments and after a merge.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShardSearchTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ITEMS = 150;
    /** Loaded in this many bulk requests, each refreshed, so that each index has several segments. */
    private static final int BATCHES = 3;
    private static final String MAPPINGS = """
            "mappings": {"properties": {
              "embedding": {"type": "image_vector", "dims": 64, "m": 16, "ef_construction": 100},
              "category": {"type": "keyword"}, "title": {"type": "text"}}}""";

    private OpenSearchNode node;
    private FashionMnist test;

    @BeforeAll
    void startNodeAndLoadTheCatalogueThreeWays() throws Exception {
        test = FashionMnist.load("test");
        node = OpenSearchNode.start(Path.of(System.getProperty("lookalike.opensearch.distribution")),
                List.of(Path.of(System.getProperty("lookalike.opensearch.plugin"))), Map.of());
        ok(node.send("PUT", "/_ingest/pipeline/images", """
                {"processors": [{"image_embedding": {"field": "image", "target_field": "embedding",
                   "remove_image": true}}]}"""));
        ok(node.send("PUT", "/unsorted", "{\"settings\": {\"number_of_shards\": 1, \"number_of_replicas\": 0},"
                + MAPPINGS + "}"));
        ok(node.send("PUT", "/sorted", "{\"settings\": {\"number_of_shards\": 1, \"number_of_replicas\": 0,"
                + " \"index.sort.field\": \"category\", \"index.sort.order\": \"asc\"}," + MAPPINGS + "}"));
        ok(node.send("PUT", "/spread", "{\"settings\": {\"number_of_shards\": 2, \"number_of_replicas\": 0},"
                + MAPPINGS + "}"));
        for (String index : List.of("unsorted", "sorted", "spread")) {
            for (int batch = 0; batch < BATCHES; batch++) {
                StringBuilder bulk = new StringBuilder();
                for (int i = batch; i < ITEMS; i += BATCHES) {
                    bulk.append("{\"index\": {\"_id\": \"item-").append(i).append("\"}}\n");
                    ObjectNode doc = JSON.createObjectNode().put("category", category(i)).put("title", title(i))
                            .put("image", Base64.getEncoder().encodeToString(TestImages.fashionPng(test, i)));
                    bulk.append(JSON.writeValueAsString(doc)).append('\n');
                }
                JsonNode loaded = ok(node.send("POST", "/" + index + "/_bulk?pipeline=images&refresh=true",
                        bulk.toString())).body();
                assertFalse(loaded.path("errors").asBoolean(), loaded::toString);
            }
        }
    }

    @AfterAll
    void stop() {
        if (node != null) {
            node.close();
        }
    }

    private String category(int i) {
        return test.classNames().get(test.label(i));
    }

    private String title(int i) {
        return (i % 3 == 0 ? "Striped " : "Plain ") + category(i) + " number " + i;
    }

    private static JsonResponse ok(JsonResponse response) {
        assertEquals(200, response.status(), response::toString);
        return response;
    }

    private float[] vectorOf(String index, int item) throws Exception {
        return floats(ok(node.get("/" + index + "/_doc/item-" + item)).body().path("_source").path("embedding"));
    }

    private long searches() throws Exception {
        return ok(node.get("/_plugins/lookalike/stats")).body().path("similarity_searches").asLong();
    }

    /** An {@code image_knn} body for the query vector, with k, the options and the request's other parts. */
    private static ObjectNode body(float[] query, int k, Consumer<ObjectNode> knnOptions) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode knn = body.putObject("query").putObject("image_knn").put("field", "embedding").put("k", k)
                .put("num_candidates", ITEMS);
        knn.set("vector", array(query));
        knnOptions.accept(knn);
        return body;
    }

    /** Runs the search and returns its answer and how many shard-level similarity searches it cost. */
    private record Counted(JsonNode answer, long searches) {
    }

    private Counted counted(String path, ObjectNode body) throws Exception {
        long before = searches();
        JsonNode answer = ok(node.send("POST", path, body.toString())).body();
        return new Counted(answer, searches() - before);
    }

    @Test
    void eachShardSearchesOncePerRequest() throws Exception {
        float[] query = vectorOf("spread", 4);
        assertEquals(2, ok(node.get("/spread/_search_shards")).body().path("shards").size());

        Counted page = counted("/spread/_search", body(query, 20, o -> { }).put("from", 5).put("size", 5));
        ObjectNode highlighted = JSON.createObjectNode().put("size", 10);
        ObjectNode bool = highlighted.putObject("query").putObject("bool");
        bool.putArray("must").add(body(query, 10, o -> { }).path("query"));
        bool.putArray("filter").addObject().putObject("match").put("title", "striped");
        highlighted.putObject("highlight").putObject("fields").putObject("title");
        Counted highlight = counted("/spread/_search", highlighted);
        Counted dfs = counted("/spread/_search?search_type=dfs_query_then_fetch",
                body(query, 10, o -> { }).put("size", 10));
        // One shard: OpenSearch fetches in the query's own search context.
        Counted explained = counted("/unsorted/_search", body(query, 10, o -> { }).put("size", 10)
                .put("explain", true));
        // Two shards: the fetch phase has a context of its own, where explaining searches once more.
        Counted spreadExplained = counted("/spread/_search", body(query, 10, o -> { }).put("size", 10)
                .put("explain", true));
        String figures = "shard-level searches: page " + page.searches() + ", highlighted " + highlight.searches()
                + ", dfs_query_then_fetch " + dfs.searches() + ", explain on 1 shard " + explained.searches()
                + ", explain on 2 shards " + spreadExplained.searches();
        System.out.println(figures);

        assertEquals(5, page.answer().path("hits").path("hits").size(), page.answer()::toString);
        JsonNode hits = highlight.answer().path("hits").path("hits");
        assertTrue(hits.size() > 0, highlight.answer()::toString);
        hits.forEach(h -> assertTrue(h.path("highlight").path("title").get(0).asText().contains("<em>Striped</em>"),
                h::toString));
        assertEquals(10, dfs.answer().path("hits").path("hits").size(), dfs.answer()::toString);
        JsonNode first = explained.answer().path("hits").path("hits").get(0);
        assertEquals(first.path("_score").asDouble(), first.path("_explanation").path("value").asDouble(), 1e-6,
                first::toString);
        assertEquals(2, page.searches(), "a page past the first: one search per shard; " + figures);
        assertEquals(2, highlight.searches(), "highlighted: one search per shard; " + figures);
        assertEquals(2, dfs.searches(), "dfs_query_then_fetch: one search per shard; " + figures);
        assertEquals(1, explained.searches(), "explain on one shard: one search; " + figures);
    }

    @Test
    void sortedIndexAnswersCategoryFiltersAsTheUnsortedOne() throws Exception {
        JsonNode settings = ok(node.get("/sorted/_settings")).body().path("sorted").path("settings").path("index");
        assertEquals("category", settings.path("sort").path("field").asText(), settings::toString);
        JsonNode segments = ok(node.get("/sorted/_segments")).body().path("indices").path("sorted").path("shards")
                .path("0").get(0).path("segments");
        assertTrue(segments.size() > 1, "several segments before the merge: " + segments);
        segments.forEach(s -> assertEquals("category", s.path("sort").get(0).path("field").asText(), s::toString));

        sameAnswers("three segments each");
        ok(node.send("POST", "/sorted/_forcemerge?max_num_segments=1", ""));
        ok(node.send("POST", "/unsorted/_forcemerge?max_num_segments=1", ""));
        ok(node.send("POST", "/sorted,unsorted/_refresh", ""));
        sameAnswers("one merged segment each");
    }

    /** Category filters agreeing and disagreeing with the query's category, with and without re-ranking. */
    private void sameAnswers(String when) throws Exception {
        for (int item : new int[] {0, 7, 21}) {
            float[] query = vectorOf("unsorted", item);
            for (String category : List.of(category(item), category(item + 1), category(item + 2))) {
                for (boolean rerank : new boolean[] {false, true}) {
                    ObjectNode body = body(query, 10, o -> {
                        o.putObject("filter").putObject("term").put("category", category);
                        if (rerank) {
                            o.putObject("rerank").put("weight", 0.5);
                        }
                    }).put("size", 10);
                    String what = when + ", item " + item + ", category " + category + ", rerank " + rerank;
                    JsonNode sorted = ok(node.send("POST", "/sorted/_search", body.toString())).body();
                    JsonNode unsorted = ok(node.send("POST", "/unsorted/_search", body.toString())).body();
                    assertTrue(unsorted.path("hits").path("hits").size() > 0, what);
                    assertEquals(hits(unsorted), hits(sorted), what);
                    sorted.path("hits").path("hits").forEach(h -> assertEquals(category,
                            h.path("_source").path("category").asText(), what));
                }
            }
        }
    }

    /** Each hit as id and score, in order. */
    private static List<String> hits(JsonNode answer) {
        List<String> out = new ArrayList<>();
        answer.path("hits").path("hits").forEach(h -> out.add(h.path("_id").asText() + " "
                + String.format(Locale.ROOT, "%.6f", h.path("_score").asDouble())));
        return out;
    }
}
