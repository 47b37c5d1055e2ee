package dev.lookalike.e2e.opensearch;

import static dev.lookalike.e2e.CoreOracle.array;
import static dev.lookalike.e2e.opensearch.OpenSearchOracle.assertSameHits;
import static dev.lookalike.e2e.CoreOracle.floats;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookalike.analyzer.dataset.FashionMnist;
import dev.lookalike.analyzer.model.Embedder;
import dev.lookalike.analyzer.model.EmbedderOptions;
import dev.lookalike.analyzer.model.ModelBundle;
import dev.lookalike.e2e.CoreOracle;
import dev.lookalike.e2e.TestImages;
import dev.lookalike.search.query.QueryVector;
import dev.lookalike.search.query.SearchFilter;
import dev.lookalike.search.query.SearchResults;
import dev.lookalike.search.query.SimilarityQuery;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A three-node cluster with the plug-in on every node and an index of 3 shards with 1 replica: 2,000
 * Fashion-MNIST test images are bulk-loaded through the {@code image_embedding} pipeline, and {@code image_knn}
 * queries sent to any node answer exactly what the search core answers on the same vectors, by vector, by
 * image, by document, with a category filter, a text filter and re-ranking. Then one node is stopped while
 * queries and writes run: every query is still answered, and every acknowledged document is still there.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterSearchTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INDEX = "catalogue";
    private static final int ITEMS = 2000;
    private static final int BULK = 500;
    /** num_candidates that covers a whole shard, so that every shard's search is exact and results comparable. */
    private static final int CANDIDATES = ITEMS;

    private OpenSearchCluster cluster;
    private FashionMnist test;
    private CoreOracle core;

    @BeforeAll
    void startClusterAndLoadCatalogue() throws Exception {
        test = FashionMnist.load("test");
        cluster = OpenSearchCluster.start(Path.of(System.getProperty("lookalike.opensearch.distribution")),
                List.of(Path.of(System.getProperty("lookalike.opensearch.plugin"))), Map.of(), 3);
        OpenSearchNode node = cluster.node(0);
        ok(node.send("PUT", "/" + INDEX, """
                {"settings": {"number_of_shards": 3, "number_of_replicas": 1},
                 "mappings": {"properties": {
                   "embedding": {"type": "image_vector"},
                   "category": {"type": "keyword"}, "title": {"type": "text"}}}}"""));
        ok(node.get("/_cluster/health/" + INDEX + "?wait_for_status=green&timeout=2m"));
        ok(node.send("PUT", "/_ingest/pipeline/images", """
                {"processors": [{"image_embedding": {"field": "image", "target_field": "embedding",
                   "remove_image": true}}]}"""));
        for (int from = 0; from < ITEMS; from += BULK) {
            StringBuilder bulk = new StringBuilder();
            for (int i = from; i < from + BULK; i++) {
                bulk.append("{\"index\": {\"_id\": \"item-").append(i).append("\"}}\n");
                ObjectNode doc = JSON.createObjectNode().put("category", category(i)).put("title", title(i))
                        .put("image", Base64.getEncoder().encodeToString(TestImages.fashionPng(test, i)));
                bulk.append(JSON.writeValueAsString(doc)).append('\n');
            }
            JsonResponse loaded = ok(cluster.node(from / BULK % 3).send("POST", "/" + INDEX + "/_bulk?pipeline=images",
                    bulk.toString()));
            for (JsonNode item : loaded.body().path("items")) {
                assertEquals(201, item.path("index").path("status").asInt(), item::toString);
            }
        }
        ok(node.send("POST", "/" + INDEX + "/_refresh", ""));
        assertEquals(ITEMS, count(node));
        // Re-ranking by the catalogue's own categories, as the core's index does.
        ok(node.send("POST", "/" + INDEX + "/_plugins/lookalike/proxies/_refresh", ""));
        core = OpenSearchOracle.of(node, INDEX, ITEMS);
    }

    @AfterAll
    void stop() throws Exception {
        if (core != null) {
            core.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    private String category(int i) {
        return test.classNames().get(test.label(i));
    }

    private String title(int i) {
        return (i % 4 == 0 ? "Striped " : "Plain ") + category(i) + " number " + i;
    }

    private static JsonResponse ok(JsonResponse response) {
        assertEquals(200, response.status(), response::toString);
        return response;
    }

    private static long count(OpenSearchNode node) throws Exception {
        return ok(node.get("/" + INDEX + "/_count")).body().path("count").asLong();
    }

    private static String search(int k, Consumer<ObjectNode> options) throws Exception {
        ObjectNode knn = JSON.createObjectNode().put("field", "embedding").put("k", k)
                .put("num_candidates", CANDIDATES);
        options.accept(knn);
        ObjectNode body = JSON.createObjectNode().put("size", k);
        body.putObject("query").set("image_knn", knn);
        return JSON.writeValueAsString(body);
    }

    private JsonNode vectorOf(String id) throws Exception {
        return ok(cluster.node(0).get("/" + INDEX + "/_doc/" + id)).body().path("_source").path("embedding");
    }

    @Test
    @Order(1)
    void everyNodeAnswersWhatTheCoreAnswers() throws Exception {
        float[] query = floats(vectorOf("item-17"));
        String category = category(17);
        for (int n = 0; n < cluster.size(); n++) {
            OpenSearchNode node = cluster.node(n);
            JsonNode plain = ok(node.send("POST", "/" + INDEX + "/_search",
                    search(10, o -> o.set("vector", array(query))))).body();
            assertSameHits(core.search(SimilarityQuery.builder(QueryVector.of(query)).k(10).numCandidates(CANDIDATES)
                    .build()), plain, 1e-5);

            JsonNode reranked = ok(node.send("POST", "/" + INDEX + "/_search", search(10, o -> {
                o.set("vector", array(query));
                o.putObject("rerank").put("proxies", true);
            }))).body();
            assertSameHits(core.search(SimilarityQuery.builder(QueryVector.of(query)).k(10).numCandidates(CANDIDATES)
                    .rerank(true).build()), reranked, 1e-5);

            JsonNode like = ok(node.send("POST", "/" + INDEX + "/_search",
                    search(10, o -> o.putObject("like").put("index", INDEX).put("id", "item-17")))).body();
            assertSameHits(core.search(SimilarityQuery.builder(QueryVector.ofItem("item-17")).k(10)
                    .numCandidates(CANDIDATES).build()), like, 1e-5);

            JsonNode byCategory = ok(node.send("POST", "/" + INDEX + "/_search", search(10, o -> {
                o.set("vector", array(query));
                o.putObject("filter").putObject("term").put("category", category);
                o.putObject("rerank").put("weight", 0.5);
            }))).body();
            assertSameHits(core.search(SimilarityQuery.builder(QueryVector.of(query)).k(10).numCandidates(CANDIDATES)
                    .filter(SearchFilter.categories(category)).rerank(true).rerankWeight(0.5f).build()),
                    byCategory, 1e-5);

            JsonNode byText = ok(node.send("POST", "/" + INDEX + "/_search", search(10, o -> {
                o.set("vector", array(query));
                o.putObject("filter").putObject("match").put("title", "striped");
            }))).body();
            assertSameHits(core.search(SimilarityQuery.builder(QueryVector.of(query)).k(10).numCandidates(CANDIDATES)
                    .filter(SearchFilter.textMatch("striped")).build()), byText, 1e-5);
        }
    }

    @Test
    @Order(2)
    void byImageOnAnyNodeEqualsTheCoreOnTheAnalyzersVector() throws Exception {
        byte[] png = TestImages.fashionPng(test, 9000);
        float[] local;
        try (Embedder embedder = Embedder.open(ModelBundle.load("fashion"), EmbedderOptions.defaults())) {
            local = embedder.embed(embedder.decoder().decode(png, "query"));
        }
        SearchResults expected = core.search(SimilarityQuery.builder(QueryVector.of(local)).k(5)
                .numCandidates(CANDIDATES).build());
        for (int n = 0; n < cluster.size(); n++) {
            JsonNode answer = ok(cluster.node(n).send("POST", "/" + INDEX + "/_search",
                    search(5, o -> o.put("image", Base64.getEncoder().encodeToString(png))))).body();
            assertSameHits(expected, answer, 1e-4);
        }
    }

    /** Each node's figures, by node name, from the cluster view asked of {@code node}. */
    private static Map<String, JsonNode> clusterStats(OpenSearchNode node) throws Exception {
        JsonNode answer = ok(node.get("/_plugins/lookalike/_all/stats")).body();
        assertEquals(3, answer.path("_nodes").path("total").asInt(), answer::toString);
        assertEquals(3, answer.path("_nodes").path("successful").asInt(), answer::toString);
        Map<String, JsonNode> byName = new java.util.TreeMap<>();
        answer.path("nodes").forEach(n -> byName.put(n.path("name").asText(), n));
        return byName;
    }

    private static long sum(Map<String, JsonNode> stats, String group, String figure) {
        return stats.values().stream().mapToLong(n -> n.path(group).path(figure).asLong()).sum();
    }

    @Test
    @Order(3)
    void clusterStatsListEveryNodeAndCountTheWorkEachDid() throws Exception {
        Map<String, JsonNode> before = clusterStats(cluster.node(0));
        assertEquals(List.of("e2e-0", "e2e-1", "e2e-2"), new ArrayList<>(before.keySet()), before::toString);
        // The bulk loads ran their pipelines on the node each was sent to: every node has embedded in batches.
        before.forEach((name, n) -> assertTrue(n.path("images").path("batch_size").path("max").asDouble() > 1,
                name + ": " + n));

        OpenSearchNode worker = cluster.node(1);
        int images = 5;
        for (int i = 0; i < images; i++) {
            ok(worker.send("POST", "/_plugins/lookalike/_embed", TestImages.embedBody(TestImages.fashionPng(test, 9100 + i))));
        }
        Map<String, JsonNode> after = clusterStats(cluster.node(2));
        for (String name : before.keySet()) {
            JsonNode was = before.get(name).path("images");
            JsonNode now = after.get(name).path("images");
            int expected = name.equals("e2e-1") ? images : 0;
            assertEquals(expected, now.path("embedded").asLong() - was.path("embedded").asLong(), name + ": " + now);
            assertEquals(expected, now.path("batches").asLong() - was.path("batches").asLong(), name + ": " + now);
            for (String timed : List.of("decode_millis", "inference_millis", "batch_size")) {
                assertEquals(expected, now.path(timed).path("count").asLong() - was.path(timed).path("count").asLong(),
                        name + " " + timed + ": " + now);
            }
        }
        JsonNode workerNow = after.get("e2e-1");
        JsonNode latency = workerNow.path("images").path("inference_millis");
        assertTrue(latency.path("p50").asDouble() > 0 && latency.path("p50").asDouble() <= latency.path("p99").asDouble()
                && latency.path("p99").asDouble() <= latency.path("max").asDouble(), latency::toString);
        assertTrue(workerNow.path("inference_pool").path("completed").asLong()
                >= before.get("e2e-1").path("inference_pool").path("completed").asLong() + images, workerNow::toString);
        assertTrue(workerNow.path("model").path("loaded").asBoolean(), workerNow::toString);
        assertTrue(workerNow.path("model").has("loaded_at"), workerNow::toString);
        assertEquals(0, workerNow.path("memory").path("in_flight_image_bytes").asLong(), workerNow::toString);

        // The per-node endpoint answers for the node it reaches, and _local names that node alone.
        JsonNode local = ok(worker.get("/_plugins/lookalike/stats")).body();
        assertEquals(workerNow.path("images").path("embedded"), local.path("images").path("embedded"), local::toString);
        JsonNode onlyLocal = ok(worker.get("/_plugins/lookalike/_local/stats")).body();
        assertEquals(1, onlyLocal.path("nodes").size(), onlyLocal::toString);
        assertEquals("e2e-1", onlyLocal.path("nodes").elements().next().path("name").asText(), onlyLocal::toString);

        // Re-ranked searches parse each node's catalogue proxies once, then find them cached.
        float[] query = floats(vectorOf("item-3"));
        int searches = 6;
        for (int i = 0; i < searches; i++) {
            ok(cluster.node(i % 3).send("POST", "/" + INDEX + "/_search", search(10, o -> {
                o.set("vector", array(query));
                o.putObject("rerank").put("proxies", true);
            })));
        }
        Map<String, JsonNode> reranked = clusterStats(cluster.node(0));
        long lookups = sum(reranked, "catalogue_proxies", "hits") + sum(reranked, "catalogue_proxies", "misses")
                - sum(after, "catalogue_proxies", "hits") - sum(after, "catalogue_proxies", "misses");
        long misses = sum(reranked, "catalogue_proxies", "misses") - sum(after, "catalogue_proxies", "misses");
        assertTrue(lookups >= 3L * searches, "one lookup per shard searched: " + lookups + " " + reranked);
        assertTrue(misses <= 3, "at most one parse per node: " + misses + " " + reranked);
        reranked.forEach((name, n) -> assertTrue(n.path("catalogue_proxies").path("cached").asInt() <= 1,
                name + ": " + n));
    }

    @Test
    @Order(4)
    void stoppingANodeWhileQueriesAndWritesRunLosesNothing() throws Exception {
        OpenSearchNode survivor = cluster.node(0);
        float[] query = floats(vectorOf("item-5"));
        String body = search(10, o -> o.set("vector", array(query)));
        AtomicBoolean running = new AtomicBoolean(true);
        List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
        List<Integer> hitCounts = Collections.synchronizedList(new ArrayList<>());
        List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());
        List<String> attempted = Collections.synchronizedList(new ArrayList<>());
        Thread queries = new Thread(() -> {
            while (running.get()) {
                try {
                    JsonResponse answer = survivor.send("POST", "/" + INDEX + "/_search", body);
                    statuses.add(answer.status());
                    hitCounts.add(answer.body().path("hits").path("hits").size());
                } catch (Exception e) {
                    statuses.add(-1);
                }
            }
        });
        Thread writes = new Thread(() -> {
            for (int i = 0; running.get(); i++) {
                try {
                    attempted.add("late-" + i);
                    String doc = JSON.writeValueAsString(JSON.createObjectNode().put("category", "late")
                            .put("title", "written while a node stops").set("embedding", array(query)));
                    JsonResponse answer = survivor.send("PUT", "/" + INDEX + "/_doc/late-" + i, doc);
                    if (answer.status() == 201) {
                        acknowledged.add("late-" + i);
                    }
                } catch (Exception e) {
                    // not acknowledged: nothing to check
                }
            }
        });
        queries.start();
        writes.start();
        Thread.sleep(3000);
        cluster.node(2).close();
        Thread.sleep(10000);
        running.set(false);
        queries.join(120_000);
        writes.join(120_000);

        assertFalse(statuses.isEmpty());
        assertTrue(statuses.stream().allMatch(s -> s == 200), "every query answered 200: " + statuses);
        assertEquals(10, hitCounts.get(hitCounts.size() - 1), "after the stop, queries still find 10 items");
        assertFalse(acknowledged.isEmpty(), "writes went on");

        ok(survivor.get("/_cluster/health/" + INDEX + "?wait_for_status=yellow&wait_for_nodes=2&timeout=2m"));
        ok(survivor.send("POST", "/" + INDEX + "/_refresh", ""));
        // A write whose answer was an error may or may not have happened; an acknowledged one must have.
        long count = count(survivor);
        assertTrue(count >= ITEMS + acknowledged.size() && count <= ITEMS + attempted.size(),
                count + " documents: " + ITEMS + " loaded, " + acknowledged.size() + " of " + attempted.size()
                        + " later writes acknowledged");
        ObjectNode ids = JSON.createObjectNode();
        acknowledged.forEach(ids.putArray("ids")::add);
        JsonNode found = ok(survivor.send("POST", "/" + INDEX + "/_mget?_source=false", JSON.writeValueAsString(ids)))
                .body();
        found.path("docs").forEach(d -> assertTrue(d.path("found").asBoolean(), d::toString));

        // The catalogue's own items still rank as the core ranks them.
        JsonNode filtered = ok(survivor.send("POST", "/" + INDEX + "/_search", search(10, o -> {
            o.set("vector", array(query));
            o.putObject("filter").putObject("bool").putArray("must_not").addObject().putObject("term")
                    .put("category", "late");
        }))).body();
        assertSameHits(core.search(SimilarityQuery.builder(QueryVector.of(query)).k(10).numCandidates(CANDIDATES)
                .build()), filtered, 1e-5);
    }
}
