package dev.lookalike.e2e.opensearch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static dev.lookalike.e2e.CoreOracle.array;
import static dev.lookalike.e2e.opensearch.OpenSearchOracle.assertSameHits;
import static dev.lookalike.e2e.CoreOracle.floats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.lookalike.analyzer.dataset.FashionMnist;
import dev.lookalike.analyzer.model.Embedder;
import dev.lookalike.analyzer.model.EmbedderOptions;
import dev.lookalike.analyzer.model.ModelBundle;
import dev.lookalike.e2e.CoreOracle;
import dev.lookalike.e2e.HostileImageServer;
import dev.lookalike.e2e.LookalikeCli;
import dev.lookalike.e2e.TestImages;
import dev.lookalike.search.query.QueryVector;
import dev.lookalike.search.query.SearchFilter;
import dev.lookalike.search.query.SearchResults;
import dev.lookalike.search.query.SimilarityQuery;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Image similarity search on a real node: an index with an {@code image_vector} field, an
 * {@code image_embedding} pipeline, a bulk load of Fashion-MNIST test images, and {@code image_knn} queries by
 * image, by vector, by document, with a category filter, a text filter and re-ranking, each checked against the
 * search core run in-process on the same vectors. Bad input gets a 4xx that names what was wrong, and no
 * indexed document is lost.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImageSearchTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INDEX = "catalogue";
    private static final int ITEMS = 300;
    /** Query images: test images after the indexed ones. */
    private static final int QUERY_IMAGE = 5000;

    private OpenSearchNode node;
    private FashionMnist test;
    private HttpServer images;
    private HostileImageServer hostile;
    private CoreOracle core;

    @BeforeAll
    void startNodeAndLoadCatalogue() throws Exception {
        test = FashionMnist.load("test");
        images = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        images.createContext("/images/", exchange -> {
            String name = exchange.getRequestURI().getPath().substring("/images/".length());
            byte[] body = name.matches("\\d+\\.png") ? TestImages.fashionPng(test, Integer.parseInt(name.split("\\.")[0]))
                    : new byte[0];
            exchange.sendResponseHeaders(body.length == 0 ? 404 : 200, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        images.start();
        hostile = new HostileImageServer();
        node = OpenSearchNode.start(Path.of(System.getProperty("lookalike.opensearch.distribution")),
                List.of(Path.of(System.getProperty("lookalike.opensearch.plugin"))),
                Map.of("lookalike.ingest.file_root", "images",
                        "lookalike.ingest.url_allow_list", "127.0.0.1",
                        "lookalike.ingest.url_timeout", "2s"));
        Path root = Files.createDirectories(node.configDir().resolve("images"));
        Files.write(root.resolve("query.png"), TestImages.fashionPng(test, QUERY_IMAGE));

        ok(node.send("PUT", "/" + INDEX, """
                {"settings": {"number_of_shards": 1, "number_of_replicas": 0},
                 "mappings": {"properties": {
                   "embedding": {"type": "image_vector", "dims": 64, "m": 16, "ef_construction": 100},
                   "category": {"type": "keyword"}, "title": {"type": "text"},
                   "predicted_category": {"type": "keyword"}, "predicted_probability": {"type": "float"}}}}"""));
        ok(node.send("PUT", "/_ingest/pipeline/images", """
                {"processors": [{"image_embedding": {"field": "image", "target_field": "embedding",
                   "category_field": "predicted_category", "probability_field": "predicted_probability",
                   "remove_image": true}}]}"""));
        StringBuilder bulk = new StringBuilder();
        for (int i = 0; i < ITEMS; i++) {
            bulk.append("{\"index\": {\"_id\": \"item-").append(i).append("\"}}\n");
            ObjectNode doc = JSON.createObjectNode().put("category", category(i)).put("title", title(i))
                    .put("image", Base64.getEncoder().encodeToString(TestImages.fashionPng(test, i)));
            bulk.append(JSON.writeValueAsString(doc)).append('\n');
        }
        JsonResponse loaded = node.send("POST", "/" + INDEX + "/_bulk?pipeline=images&refresh=true", bulk.toString());
        ok(loaded);
        for (JsonNode item : loaded.body().path("items")) {
            assertEquals(201, item.path("index").path("status").asInt(), item::toString);
        }
        // Re-ranking by the catalogue's own categories, as the core's index does.
        ok(node.send("POST", "/" + INDEX + "/_plugins/lookalike/proxies/_refresh", ""));
        core = OpenSearchOracle.of(node, INDEX, ITEMS);
    }

    private String category(int i) {
        return test.classNames().get(test.label(i));
    }

    private String title(int i) {
        return (i % 3 == 0 ? "Striped " : "Plain ") + category(i) + " number " + i;
    }

    @AfterAll
    void stop() throws Exception {
        if (core != null) {
            core.close();
        }
        if (node != null) {
            node.close();
        }
        if (images != null) {
            images.stop(0);
        }
        if (hostile != null) {
            hostile.close();
        }
    }

    private static JsonResponse ok(JsonResponse response) {
        assertEquals(200, response.status(), response::toString);
        return response;
    }

    /** Runs {@code image_knn} with the given options, num_candidates covering the index, size k. */
    private JsonNode imageKnn(int k, Consumer<ObjectNode> options) throws Exception {
        ObjectNode knn = JSON.createObjectNode().put("field", "embedding").put("k", k).put("num_candidates", ITEMS);
        options.accept(knn);
        ObjectNode body = JSON.createObjectNode().put("size", k);
        body.putObject("query").set("image_knn", knn);
        return ok(node.send("POST", "/" + INDEX + "/_search", JSON.writeValueAsString(body))).body();
    }

    private SearchResults coreSearch(QueryVector vector, int k, boolean rerank, SearchFilter filter) throws Exception {
        SimilarityQuery.Builder q = SimilarityQuery.builder(vector).k(k).numCandidates(ITEMS).rerank(rerank);
        if (filter != null) {
            q.filter(filter);
        }
        return core.search(q.build());
    }

    @Test
    void ingestWritesTheVectorAndThePredictedCategory() throws Exception {
        JsonNode doc = ok(node.get("/" + INDEX + "/_doc/item-0")).body().path("_source");
        assertEquals(64, doc.path("embedding").size());
        assertFalse(doc.has("image"), "the pipeline removed the base64");
        assertEquals(category(0), doc.path("predicted_category").asText(), "test image 0 is predicted right");
        assertTrue(doc.path("predicted_probability").asDouble() > 0.5);
    }

    @Test
    void byVectorWithAndWithoutRerankEqualsTheCore() throws Exception {
        float[] query = floats(ok(node.send("POST", "/_plugins/lookalike/_embed",
                TestImages.embedBody(TestImages.fashionPng(test, QUERY_IMAGE + 1)))).body().path("vector"));
        assertSameHits(coreSearch(QueryVector.of(query), 10, false, null),
                imageKnn(10, o -> o.set("vector", array(query))), 1e-5);
        assertSameHits(coreSearch(QueryVector.of(query), 10, true, null),
                imageKnn(10, o -> {
                    o.set("vector", array(query));
                    o.putObject("rerank").put("proxies", true);
                }), 1e-5);
    }

    @Test
    void byImageEqualsTheCoreOnTheAnalyzersVector() throws Exception {
        byte[] png = TestImages.fashionPng(test, QUERY_IMAGE);
        float[] local;
        try (Embedder embedder = Embedder.open(ModelBundle.load("fashion"), EmbedderOptions.defaults())) {
            local = embedder.embed(embedder.decoder().decode(png, "query"));
        }
        JsonNode answer = imageKnn(5, o -> o.put("image", Base64.getEncoder().encodeToString(png)));
        assertSameHits(coreSearch(QueryVector.of(local), 5, false, null), answer, 1e-4);
    }

    @Test
    void byDocumentLeavesItOutAndEqualsTheCore() throws Exception {
        JsonNode answer = imageKnn(10, o -> o.putObject("like").put("index", INDEX).put("id", "item-7"));
        answer.path("hits").path("hits").forEach(h -> assertFalse(h.path("_id").asText().equals("item-7")));
        assertSameHits(coreSearch(QueryVector.ofItem("item-7"), 10, false, null), answer, 1e-5);
    }

    @Test
    void categoryAndTextFiltersEqualTheCore() throws Exception {
        float[] query = floats(ok(node.get("/" + INDEX + "/_doc/item-11")).body().path("_source").path("embedding"));
        String category = category(11);
        JsonNode byCategory = imageKnn(8, o -> {
            o.set("vector", array(query));
            o.putObject("filter").putObject("term").put("category", category);
            o.putObject("rerank").put("weight", 0.5);
        });
        SimilarityQuery.Builder reranked = SimilarityQuery.builder(QueryVector.of(query)).k(8).numCandidates(ITEMS)
                .rerank(true).rerankWeight(0.5f).filter(SearchFilter.categories(category));
        assertSameHits(core.search(reranked.build()), byCategory, 1e-5);
        byCategory.path("hits").path("hits").forEach(h -> assertEquals(category,
                h.path("_source").path("category").asText()));

        JsonNode byText = imageKnn(10, o -> {
            o.set("vector", array(query));
            o.putObject("filter").putObject("match").put("title", "striped");
        });
        assertSameHits(coreSearch(QueryVector.of(query), 10, false, SearchFilter.textMatch("striped")), byText, 1e-5);
        byText.path("hits").path("hits").forEach(h -> assertTrue(
                h.path("_source").path("title").asText().startsWith("Striped"), h::toString));
    }

    @Test
    void composesInsideBoolWithPagingAggregationsAndSourceFiltering() throws Exception {
        int shirt = 0;
        while (!category(shirt).equals("Shirt")) {
            shirt++;
        }
        float[] query = floats(ok(node.get("/" + INDEX + "/_doc/item-" + shirt)).body().path("_source")
                .path("embedding"));
        // The oracle: the query alone, then the shirts taken out by hand.
        List<String> expected = new ArrayList<>();
        for (JsonNode hit : imageKnn(40, o -> o.set("vector", array(query))).path("hits").path("hits")) {
            if (!hit.path("_source").path("category").asText().equals("Shirt")) {
                expected.add(hit.path("_id").asText());
            }
        }
        assertTrue(expected.size() > 5, "a shirt's 40 nearest items include other categories: " + expected);

        ObjectNode knn = JSON.createObjectNode().put("field", "embedding").put("k", 40).put("num_candidates", ITEMS);
        knn.set("vector", array(query));
        ObjectNode body = JSON.createObjectNode().put("size", 5).put("from", 5);
        body.putArray("_source").add("title");
        ObjectNode bool = body.putObject("query").putObject("bool");
        bool.putArray("must").addObject().set("image_knn", knn);
        bool.putArray("must_not").addObject().putObject("term").put("category", "Shirt");
        body.putObject("aggs").putObject("categories").putObject("terms").put("field", "category");
        JsonNode answer = ok(node.send("POST", "/" + INDEX + "/_search", JSON.writeValueAsString(body))).body();

        List<String> page = new ArrayList<>();
        answer.path("hits").path("hits").forEach(h -> {
            page.add(h.path("_id").asText());
            assertTrue(h.path("_source").has("title"));
            assertFalse(h.path("_source").has("embedding"), "_source filtering applies");
        });
        assertEquals(expected.subList(5, Math.min(10, expected.size())), page, answer::toString);
        assertEquals(expected.size(), answer.path("hits").path("total").path("value").asInt());
        long bucketed = 0;
        for (JsonNode bucket : answer.path("aggregations").path("categories").path("buckets")) {
            assertFalse(bucket.path("key").asText().equals("Shirt"));
            bucketed += bucket.path("doc_count").asLong();
        }
        assertEquals(expected.size(), bucketed, "the aggregation counts the same documents");
    }

    @Test
    void catalogueProxiesMakeRerankingFollowTheCataloguesOwnCategories() throws Exception {
        Map<String, String> renamed = Map.of("Sneaker", "Trainers", "Bag", "Handbag");
        ok(node.send("PUT", "/renamed", """
                {"settings": {"number_of_shards": 2, "number_of_replicas": 0},
                 "mappings": {"_meta": {"owner": "team-a"}, "properties": {"embedding": {"type": "image_vector"},
                   "category": {"type": "keyword"}, "title": {"type": "text"}}}}"""));
        JsonNode all = ok(node.send("POST", "/" + INDEX + "/_search",
                "{\"size\": " + ITEMS + ", \"_source\": [\"embedding\", \"category\", \"title\"]}")).body();
        StringBuilder bulk = new StringBuilder();
        for (JsonNode hit : all.path("hits").path("hits")) {
            ObjectNode doc = ((ObjectNode) hit.path("_source")).deepCopy();
            String category = doc.path("category").asText();
            doc.put("category", renamed.getOrDefault(category, category));
            bulk.append("{\"index\": {\"_id\": \"").append(hit.path("_id").asText()).append("\"}}\n")
                    .append(JSON.writeValueAsString(doc)).append('\n');
        }
        ok(node.send("POST", "/renamed/_bulk?refresh=true", bulk.toString()));

        JsonNode refreshed = ok(node.send("POST", "/renamed/_plugins/lookalike/proxies/_refresh",
                "{\"field\": \"embedding\", \"category_field\": \"category\"}")).body();
        assertEquals(ITEMS, refreshed.path("documents").asInt(), refreshed::toString);
        Map<String, Boolean> learned = new HashMap<>();
        refreshed.path("categories").forEach(c -> learned.put(c.path("name").asText(), c.path("learned").asBoolean()));
        assertEquals(false, learned.get("Trainers"), refreshed::toString);
        assertEquals(false, learned.get("Handbag"), refreshed::toString);
        assertEquals(true, learned.get("Ankle boot"), refreshed::toString);
        assertFalse(learned.containsKey("Sneaker"), "only the catalogue's categories: " + refreshed);
        JsonNode mapping = ok(node.get("/renamed/_mapping")).body().path("renamed").path("mappings").path("_meta");
        assertEquals("team-a", mapping.path("owner").asText(), "the mapping's other _meta entries are kept");

        try (CoreOracle renamedCore = OpenSearchOracle.of(node, "renamed", ITEMS)) {
            for (int item : new int[] {0, 6, 9}) {
                float[] query = floats(all.path("hits").path("hits").get(item).path("_source").path("embedding"));
                ObjectNode knn = JSON.createObjectNode().put("field", "embedding").put("k", 10)
                        .put("num_candidates", ITEMS);
                knn.set("vector", array(query));
                knn.putObject("rerank").put("weight", 0.9);
                ObjectNode body = JSON.createObjectNode().put("size", 10);
                body.putObject("query").set("image_knn", knn);
                JsonNode answer = ok(node.send("POST", "/renamed/_search", body.toString())).body();
                assertSameHits(renamedCore.search(SimilarityQuery.builder(QueryVector.of(query)).k(10)
                        .numCandidates(ITEMS).rerank(true).rerankWeight(0.9f).build()), answer, 1e-5);
            }
        }
        JsonResponse twice = ok(node.send("POST", "/renamed/_plugins/lookalike/proxies/_refresh", ""));
        assertEquals(2, twice.body().path("generation").asInt(), twice::toString);
    }

    @Test
    void concurrentRefreshesOfTwoFieldsBothSurvive() throws Exception {
        ok(node.send("PUT", "/twofields", """
                {"mappings": {"properties": {"embedding": {"type": "image_vector"},
                   "embedding_copy": {"type": "image_vector"}, "category": {"type": "keyword"}}}}"""));
        JsonNode all = ok(node.send("POST", "/" + INDEX + "/_search",
                "{\"size\": " + ITEMS + ", \"_source\": [\"embedding\", \"category\"]}")).body();
        StringBuilder bulk = new StringBuilder();
        for (JsonNode hit : all.path("hits").path("hits")) {
            ObjectNode doc = ((ObjectNode) hit.path("_source")).deepCopy();
            doc.set("embedding_copy", doc.path("embedding"));
            bulk.append("{\"index\": {\"_id\": \"").append(hit.path("_id").asText()).append("\"}}\n")
                    .append(JSON.writeValueAsString(doc)).append('\n');
        }
        ok(node.send("POST", "/twofields/_bulk?refresh=true", bulk.toString()));
        for (int round = 1; round <= 4; round++) {
            List<JsonResponse> answers = java.util.Collections.synchronizedList(new ArrayList<>());
            List<Thread> refreshes = new ArrayList<>();
            for (String field : List.of("embedding", "embedding_copy")) {
                refreshes.add(new Thread(() -> {
                    try {
                        answers.add(node.send("POST", "/twofields/_plugins/lookalike/proxies/_refresh",
                                "{\"field\": \"" + field + "\", \"category_field\": \"category\"}"));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            refreshes.forEach(Thread::start);
            for (Thread r : refreshes) {
                r.join();
            }
            answers.forEach(ImageSearchTest::ok);
            JsonNode stored = ok(node.get("/twofields/_mapping")).body().path("twofields").path("mappings")
                    .path("_meta").path("lookalike").path("catalogue_proxies");
            // A refresh that wrote back a _meta read before the other's write would leave that field behind.
            assertEquals(round, stored.path("embedding").path("generation").asInt(), "round " + round + ": " + stored);
            assertEquals(round, stored.path("embedding_copy").path("generation").asInt(),
                    "round " + round + ": " + stored);
        }
    }

    @Test
    void proxyRefreshRefusesBadRequests() throws Exception {
        JsonResponse missing = node.send("POST", "/nope/_plugins/lookalike/proxies/_refresh", "");
        assertEquals(404, missing.status(), missing::toString);
        JsonResponse unknown = node.send("POST", "/" + INDEX + "/_plugins/lookalike/proxies/_refresh",
                "{\"fields\": \"embedding\"}");
        assertEquals(400, unknown.status(), unknown::toString);
        assertTrue(unknown.text().contains("unknown field [fields]"), unknown::toString);
        ok(node.send("PUT", "/empty", "{\"mappings\": {\"properties\": {\"embedding\": {\"type\": \"image_vector\"}}}}"));
        JsonResponse empty = node.send("POST", "/empty/_plugins/lookalike/proxies/_refresh", "");
        assertEquals(400, empty.status(), empty::toString);
        assertTrue(empty.text().contains("has no document with both a [embedding] vector and a [category] category"),
                empty::toString);
    }

    @Test
    void highlightingWorksBesideImageKnn() throws Exception {
        float[] query = floats(ok(node.get("/" + INDEX + "/_doc/item-12")).body().path("_source").path("embedding"));
        ObjectNode knn = JSON.createObjectNode().put("field", "embedding").put("k", 10);
        knn.set("vector", array(query));
        ObjectNode body = JSON.createObjectNode().put("size", 10);
        ObjectNode bool = body.putObject("query").putObject("bool");
        bool.putArray("must").addObject().set("image_knn", knn);
        bool.putArray("filter").addObject().putObject("match").put("title", "striped");
        body.putObject("highlight").putObject("fields").putObject("title");
        JsonNode hits = ok(node.send("POST", "/" + INDEX + "/_search", body.toString())).body().path("hits").path("hits");
        assertTrue(hits.size() > 0);
        hits.forEach(h -> assertTrue(h.path("highlight").path("title").get(0).asText().contains("<em>Striped</em>"),
                h::toString));
    }

    @Test
    void processorHonoursIgnoreMissingOnFailureAndIgnoreFailure() throws Exception {
        ok(node.send("PUT", "/_ingest/pipeline/lenient", """
                {"processors": [{"image_embedding": {"field": "image", "target_field": "embedding",
                   "ignore_missing": true,
                   "on_failure": [{"image_embedding": {"field": "fallback", "target_field": "embedding"}}]}}]}"""));
        ok(node.send("PUT", "/_ingest/pipeline/careless", """
                {"processors": [{"image_embedding": {"field": "image", "target_field": "embedding",
                   "ignore_failure": true}}]}"""));
        String png = Base64.getEncoder().encodeToString(TestImages.fashionPng(test, QUERY_IMAGE));
        JsonNode missing = ok(node.send("POST", "/_ingest/pipeline/lenient/_simulate",
                "{\"docs\": [{\"_source\": {\"title\": \"no image\"}}]}")).body();
        assertFalse(missing.path("docs").get(0).path("doc").path("_source").has("embedding"), missing::toString);
        JsonNode fallback = ok(node.send("POST", "/_ingest/pipeline/lenient/_simulate",
                "{\"docs\": [{\"_source\": {\"image\": \"aGVsbG8=\", \"fallback\": \"" + png + "\"}}]}")).body();
        assertEquals(64, fallback.path("docs").get(0).path("doc").path("_source").path("embedding").size(),
                fallback::toString);
        JsonNode ignored = ok(node.send("POST", "/_ingest/pipeline/careless/_simulate",
                "{\"docs\": [{\"_source\": {\"image\": \"aGVsbG8=\"}}]}")).body();
        assertFalse(ignored.path("docs").get(0).path("doc").path("_source").has("embedding"), ignored::toString);
        assertTrue(ignored.path("docs").get(0).path("doc").path("_source").has("image"), ignored::toString);
    }

    @Test
    void bulkEmbedsInBatchesAndFailsOnlyTheBadDocuments() throws Exception {
        ok(node.send("PUT", "/batched", """
                {"settings": {"number_of_shards": 1, "number_of_replicas": 0},
                 "mappings": {"properties": {"embedding": {"type": "image_vector", "dims": 64}}}}"""));
        ok(node.send("PUT", "/_ingest/pipeline/batched", """
                {"processors": [{"image_embedding": {"field": "image", "target_field": "embedding",
                   "batch_size": 3}}]}"""));
        Map<Integer, String> bad = Map.of(2, "is not valid base64", 5, "[image_embedding] field [image] is missing",
                6, "not a recognised image format");
        StringBuilder bulk = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            bulk.append("{\"index\": {\"_id\": \"").append(i).append("\"}}\n");
            ObjectNode doc = JSON.createObjectNode().put("title", "document " + i);
            switch (i) {
                case 2 -> doc.put("image", "%%%");
                case 5 -> { }
                case 6 -> doc.put("image", "aGVsbG8=");
                default -> doc.put("image", Base64.getEncoder().encodeToString(TestImages.fashionPng(test, 100 + i)));
            }
            bulk.append(JSON.writeValueAsString(doc)).append('\n');
        }
        JsonNode items = ok(node.send("POST", "/batched/_bulk?pipeline=batched&refresh=true", bulk.toString()))
                .body().path("items");
        for (int i = 0; i < 8; i++) {
            JsonNode item = items.get(i).path("index");
            if (bad.containsKey(i)) {
                assertEquals(400, item.path("status").asInt(), item::toString);
                assertTrue(item.path("error").path("reason").asText().contains(bad.get(i)), item::toString);
                continue;
            }
            assertEquals(201, item.path("status").asInt(), item::toString);
            float[] stored = floats(ok(node.get("/batched/_doc/" + i)).body().path("_source").path("embedding"));
            float[] alone = floats(ok(node.send("POST", "/_plugins/lookalike/_embed",
                    TestImages.embedBody(TestImages.fashionPng(test, 100 + i)))).body().path("vector"));
            assertArrayEquals(alone, stored, 1e-5f, "document " + i + " embedded in a batch as alone");
        }
        assertEquals(5, ok(node.get("/batched/_count")).body().path("count").asLong());

        JsonResponse zero = node.send("PUT", "/_ingest/pipeline/zero", """
                {"processors": [{"image_embedding": {"field": "image", "target_field": "embedding",
                   "batch_size": 0}}]}""");
        assertEquals(400, zero.status(), zero::toString);
        assertTrue(zero.text().contains("[batch_size] must be a positive integer, got [0]"), zero::toString);
    }

    /** {@code scripts/bench-ingest} runs this at full size, passing the command's options. */
    @Test
    void ingestBenchmarkLoadsEveryImageEachWay() throws Exception {
        LookalikeCli.BenchRun bench = LookalikeCli.bench(List.of("bench", "ingest", "--url", node.uri().toString()),
                "lookalike.bench.ingest.args", List.of("--images", "120", "--bulk-size", "50"));
        assertEquals(0, bench.run().exitCode(), bench.run()::toString);
        List<Integer> batchSizes = new ArrayList<>();
        for (JsonNode way : bench.figures().path("ways")) {
            batchSizes.add(way.path("batch_size").asInt());
            assertTrue(way.path("images_per_second").asDouble() > 0, way::toString);
        }
        assertEquals(3, batchSizes.size(), bench.figures()::toString);
        assertEquals(0, batchSizes.get(2), "the client-side way comes last");
        assertEquals(404, node.get("/lookalike-bench-ingest").status(), "the benchmark's index is deleted");
        assertEquals(ITEMS, count(), "no document of the catalogue touched");
    }

    /**
     * The soak for 21 s on this node (scripts/soak runs it for minutes on a node of its own, in {@link SoakTest}):
     * every operation runs, nothing but 429s fails, and the index holds every acknowledged write as last written
     * and none of the acknowledged deletes. The heap and drift goals need minutes; they are not asserted here.
     */
    @Test
    void soakUnderMixedLoadKeepsEveryAcknowledgedWriteAsLastWritten() throws Exception {
        LookalikeCli.BenchRun soak = LookalikeCli.bench(List.of("bench", "soak", "--url", node.uri().toString(),
                "--minutes", "0.35", "--threads", "3", "--images", "100", "--documents", "300",
                "--refresh-seconds", "8", "--window-seconds", "4"), Duration.ofMinutes(5));
        JsonNode report = soak.figures();
        assertTrue(report != null && soak.run().exitCode() <= 1, soak.run()::toString);
        for (JsonNode op : report.path("operations")) {
            assertTrue(op.path("requests").asLong() > 0, "every operation ran: " + op);
        }
        assertEquals(0, report.path("failures").asLong(), () -> "no failure but 429s: "
                + report.path("failure_messages"));
        JsonNode check = report.path("verification");
        assertTrue(check.path("passed").asBoolean(), check::toString);
        assertEquals(0, check.path("lost").asLong() + check.path("stale").asLong() + check.path("resurrected").asLong(),
                check::toString);
        assertTrue(check.path("expected_present").asLong() > 0 && check.path("expected_deleted").asLong() > 0,
                "both writes and deletes were checked: " + check);
        assertEquals(check.path("documents_written").asLong(), check.path("expected_present").asLong()
                + check.path("expected_deleted").asLong() + check.path("uncertain").asLong(), check::toString);
        assertEquals(404, node.get("/lookalike-soak").status(), "the soak's index is deleted");
        assertEquals(ITEMS, count(), "no document of the catalogue touched");
    }

    @Test
    void fileAndUrlSourcesEmbedTheSameImage() throws Exception {
        putFileAndUrlPipelines();
        JsonNode fromFile = ok(node.send("POST", "/_ingest/pipeline/files/_simulate",
                "{\"docs\": [{\"_source\": {\"path\": \"query.png\"}}]}")).body();
        JsonNode fromUrl = ok(node.send("POST", "/_ingest/pipeline/urls/_simulate", "{\"docs\": [{\"_source\": {\"url\": "
                + "\"http://127.0.0.1:" + images.getAddress().getPort() + "/images/" + QUERY_IMAGE + ".png\"}}]}")).body();
        float[] expected = floats(ok(node.send("POST", "/_plugins/lookalike/_embed",
                TestImages.embedBody(TestImages.fashionPng(test, QUERY_IMAGE)))).body().path("vector"));
        for (JsonNode answer : List.of(fromFile, fromUrl)) {
            float[] vector = floats(answer.path("docs").get(0).path("doc").path("_source").path("embedding"));
            assertEquals(64, vector.length, answer::toString);
            for (int d = 0; d < 64; d++) {
                assertEquals(expected[d], vector[d], 1e-5);
            }
        }
    }

    static Stream<Arguments> badQueries() {
        String vector = "[" + "0.1,".repeat(63) + "0.1]";
        return Stream.of(
                Arguments.of("malformed JSON", "{\"query\": {\"image_knn\": {\"field\": ", 400, "end-of-input"),
                Arguments.of("unknown option", "{\"query\": {\"image_knn\": {\"field\": \"embedding\", \"vector\": "
                        + vector + ", \"kk\": 3}}}", 400, "[image_knn] unknown field [kk]"),
                Arguments.of("no image, vector or like", "{\"query\": {\"image_knn\": {\"field\": \"embedding\"}}}", 400,
                        "exactly one of [image], [vector] and [like]"),
                Arguments.of("wrong dimension", "{\"query\": {\"image_knn\": {\"field\": \"embedding\", \"vector\": "
                        + "[1, 2, 3]}}}", 400, "[image_knn][vector]: has dimension 3, the index expects 64"),
                Arguments.of("NaN in the vector", "{\"query\": {\"image_knn\": {\"field\": \"embedding\", \"vector\": "
                        + "[1, \"NaN\"]}}}", 400, "[image_knn][vector] must hold only numbers"),
                Arguments.of("all-zero vector", "{\"query\": {\"image_knn\": {\"field\": \"embedding\", \"vector\": "
                        + "[" + "0,".repeat(63) + "0]}}}", 400, "all zeros"),
                Arguments.of("k out of range", "{\"query\": {\"image_knn\": {\"field\": \"embedding\", \"vector\": "
                        + vector + ", \"k\": 0}}}", 400, "[image_knn][k]: must be between 1"),
                Arguments.of("rerank weight out of range", "{\"query\": {\"image_knn\": {\"field\": \"embedding\", "
                        + "\"vector\": " + vector + ", \"rerank\": {\"weight\": 2}}}}", 400,
                        "[image_knn][rerank][weight]: must be between 0 and 1"),
                Arguments.of("not base64", "{\"query\": {\"image_knn\": {\"field\": \"embedding\", \"image\": "
                        + "\"not base64!\"}}}", 400, "[image_knn][image]: is not valid base64"),
                Arguments.of("base64 that is not an image", "{\"query\": {\"image_knn\": {\"field\": \"embedding\", "
                        + "\"image\": \"" + Base64.getEncoder().encodeToString("hello".getBytes()) + "\"}}}", 400,
                        "[image_knn][image]: not a recognised image format"),
                Arguments.of("like a missing document", "{\"query\": {\"image_knn\": {\"field\": \"embedding\", "
                        + "\"like\": {\"index\": \"" + INDEX + "\", \"id\": \"nope\"}}}}", 404,
                        "[image_knn][like] document [nope] does not exist in index [" + INDEX + "]"),
                Arguments.of("a field that is not an image_vector", "{\"query\": {\"image_knn\": {\"field\": "
                        + "\"category\", \"vector\": " + vector + "}}}", 400,
                        "[image_knn] field [category] is of type [keyword], not [image_vector]"),
                Arguments.of("an unmapped field", "{\"query\": {\"image_knn\": {\"field\": \"nope\", \"vector\": "
                        + vector + "}}}", 400, "[image_knn] field [nope] is not mapped"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badQueries")
    void badQueriesGetA4xxNamingTheProblem(String what, String body, int status, String reason) throws Exception {
        JsonResponse answer = node.send("POST", "/" + INDEX + "/_search", body);
        assertEquals(status, answer.status(), what + ": " + answer);
        assertTrue(answer.text().contains(reason), what + ": should contain '" + reason + "': " + answer);
        assertEquals(ITEMS, count(), "no document lost");
    }

    static Stream<Arguments> badDocuments() {
        return Stream.of(
                Arguments.of("vector of the wrong dimension", "{\"embedding\": [1, 2, 3]}",
                        "[embedding]: has dimension 3, the index expects 64"),
                Arguments.of("vector with a string", "{\"embedding\": [1, \"x\"]}", "[embedding] must hold only numbers"),
                Arguments.of("image that is not base64", "{\"image\": \"%%%\"}", "is not valid base64"),
                Arguments.of("base64 that is not an image", "{\"image\": \"aGVsbG8=\"}", "not a recognised image format"),
                Arguments.of("pipeline without its field", "{\"title\": \"no image\"}",
                        "[image_embedding] field [image] is missing"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badDocuments")
    void badDocumentsAreRefusedNamingTheProblemAndNothingIsLost(String what, String doc, String reason)
            throws Exception {
        String pipeline = doc.contains("embedding") ? "" : "?pipeline=images";
        JsonResponse answer = node.send("PUT", "/" + INDEX + "/_doc/bad" + pipeline, doc);
        assertEquals(400, answer.status(), what + ": " + answer);
        assertTrue(answer.text().contains(reason), what + ": should contain '" + reason + "': " + answer);
        ok(node.send("POST", "/" + INDEX + "/_refresh", ""));
        assertEquals(ITEMS, count(), "no document lost");
    }

    /** Requests built only when their case runs: some are 100 MB. */
    record Hostile(String method, String path, Supplier<String> body) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static Stream<Arguments> hostileInputs() {
        String knn = "{\"query\": {\"image_knn\": {\"field\": \"embedding\", ";
        String vector = "[" + "0.1,".repeat(63) + "0.1]";
        Path webp = Path.of(System.getProperty("lookalike.repo"), "analyzer/src/test/resources/dev/lookalike/analyzer/image");
        return Stream.of(
                Arguments.of("a query vector of 10,000 numbers", new Hostile("POST", "/" + INDEX + "/_search",
                        () -> knn + "\"vector\": [" + "0.1,".repeat(9_999) + "0.1]}}}"), 400,
                        "[image_knn][vector]: has dimension 10000, the index expects 64"),
                Arguments.of("a filter nested 10,000 levels deep", new Hostile("POST", "/" + INDEX + "/_search",
                        () -> knn + "\"vector\": " + vector + ", \"filter\": "
                                + "{\"bool\": {\"must\": ".repeat(5_000) + "{\"match_all\": {}}" + "}}".repeat(5_000)
                                + "}}}"), 400, "nested"),
                Arguments.of("an _embed body nested 10,000 levels deep", new Hostile("POST", "/_plugins/lookalike/_embed",
                        () -> "{\"image\": " + "[".repeat(10_000) + "]".repeat(10_000) + "}"), 400,
                        "[image] must be a base64 string, got START_ARRAY"),
                Arguments.of("a document nested 10,000 levels deep", new Hostile("PUT", "/" + INDEX + "/_doc/bad",
                        () -> "{\"extra\": " + "{\"a\": ".repeat(10_000) + "1" + "}".repeat(10_000) + "}"), 400,
                        "depth"),
                Arguments.of("a base64 image of 100 MB", new Hostile("PUT", "/" + INDEX + "/_doc/bad?pipeline=images",
                        () -> "{\"image\": \"" + "A".repeat(100 << 20) + "\"}"), 413, ""),
                Arguments.of("a base64 image of 60 MB, over OpenSearch's longest string", new Hostile("PUT",
                        "/" + INDEX + "/_doc/bad?pipeline=images", () -> "{\"image\": \"" + "A".repeat(60 << 20) + "\"}"),
                        400, "exceeds the maximum allowed (50000000"),
                Arguments.of("a base64 image of 40 MB, refused before it is decoded", new Hostile("PUT",
                        "/" + INDEX + "/_doc/bad?pipeline=images", () -> "{\"image\": \"" + "A".repeat(40 << 20) + "\"}"),
                        400, "[image_embedding][image]: 31457280 bytes (as base64) exceeds the limit of 10485760 bytes"),
                Arguments.of("a PNG whose header claims 65,535 x 65,535 pixels", new Hostile("PUT",
                        "/" + INDEX + "/_doc/bad?pipeline=images", () -> imageDocument(TestImages.pngHeaderOnly(65_535, 65_535))),
                        400, "65535x65535 = 4294836225 pixels exceeds the limit of 16000000"),
                Arguments.of("a truncated lossy WebP", new Hostile("PUT", "/" + INDEX + "/_doc/bad?pipeline=images",
                        () -> imageDocument(truncated(webp.resolve("quadrants-lossy.webp")))), 400, "WebP data"),
                Arguments.of("a truncated lossless WebP", new Hostile("PUT", "/" + INDEX + "/_doc/bad?pipeline=images",
                        () -> imageDocument(truncated(webp.resolve("quadrants-alpha-lossless.webp")))), 400,
                        "WebP data"));
    }

    private static String imageDocument(byte[] image) {
        return "{\"image\": \"" + Base64.getEncoder().encodeToString(image) + "\"}";
    }

    private static byte[] truncated(Path image) {
        try {
            byte[] bytes = Files.readAllBytes(image);
            return java.util.Arrays.copyOf(bytes, bytes.length / 2);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileInputs")
    void hostileInputsGetA4xxNamingTheProblemAndNothingIsLost(String what, Hostile request, int status, String reason)
            throws Exception {
        JsonResponse answer = node.send(request.method(), request.path(), request.body().get());
        assertEquals(status, answer.status(), what + ": " + shortened(answer));
        assertTrue(answer.text().contains(reason), what + ": should contain '" + reason + "': " + shortened(answer));
        assertTheNodeAnswersAndTheCatalogueIsWhole();
    }

    private static String shortened(JsonResponse answer) {
        String text = answer.toString();
        return text.length() > 2000 ? text.substring(0, 2000) + "..." : text;
    }

    private void assertTheNodeAnswersAndTheCatalogueIsWhole() throws Exception {
        ok(node.send("POST", "/" + INDEX + "/_refresh", ""));
        assertEquals(ITEMS, count(), "no document lost");
        JsonNode item = ok(node.get("/" + INDEX + "/_doc/item-0")).body().path("_source");
        assertEquals(64, item.path("embedding").size(), item::toString);
        assertEquals(category(0), item.path("category").asText(), item::toString);
    }

    @Test
    void urlsThatRedirectOffTheListOrAnswerByteByByteFailTheirDocumentsInTime() throws Exception {
        putFileAndUrlPipelines();
        JsonResponse redirected = node.send("PUT", "/" + INDEX + "/_doc/bad?pipeline=urls",
                JSON.writeValueAsString(Map.of("url", hostile.url(HostileImageServer.REDIRECT))));
        assertEquals(400, redirected.status(), redirected::toString);
        assertTrue(redirected.text().contains("answered HTTP 302, a redirect to [" + HostileImageServer.OFF_THE_LIST
                + "]: redirects are not followed"), redirected::toString);

        long start = System.nanoTime();
        JsonResponse slow = node.send("PUT", "/" + INDEX + "/_doc/bad?pipeline=urls",
                JSON.writeValueAsString(Map.of("url", hostile.url(HostileImageServer.SLOW))));
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        assertEquals(400, slow.status(), slow::toString);
        assertTrue(slow.text().contains("did not answer in full within 2000 ms [lookalike.ingest.url_timeout]"),
                slow::toString);
        // The server would take 100 s; the node gives up at its 2 s deadline (the bound leaves room for a slow CI).
        assertTrue(seconds < 30, "answered after " + seconds + " s");
        assertTheNodeAnswersAndTheCatalogueIsWhole();
    }

    @Test
    void animatedGifsAndMultiPageTiffsAreEmbeddedFromTheirFirstFrameAlone() throws Exception {
        float[] first = floats(ok(node.send("POST", "/_plugins/lookalike/_embed",
                TestImages.embedBody(TestImages.fashionPng(test, QUERY_IMAGE + 2)))).body().path("vector"));
        Map<String, byte[]> images = Map.of("a GIF of 10,000 frames", TestImages.fashionGif(test, QUERY_IMAGE + 2, 10_000),
                "a TIFF of 1,000 pages", TestImages.fashionTiff(test, QUERY_IMAGE + 2, 1_000));
        for (Map.Entry<String, byte[]> image : images.entrySet()) {
            JsonResponse answer = node.send("POST", "/_ingest/pipeline/images/_simulate",
                    "{\"docs\": [{\"_source\": " + imageDocument(image.getValue()) + "}]}");
            JsonNode source = ok(answer).body().path("docs").get(0).path("doc").path("_source");
            assertArrayEquals(first, floats(source.path("embedding")), 1e-5f, image.getKey() + ": " + answer);
        }
        assertTheNodeAnswersAndTheCatalogueIsWhole();
    }

    @Test
    void filesOutsideTheRootAndUnlistedHostsAreRefused() throws Exception {
        putFileAndUrlPipelines();
        Map<String, String> cases = new HashMap<>();
        cases.put("files/../../opensearch.yml", "outside [lookalike.ingest.file_root]");
        cases.put("urls/http://example.com/a.png", "host [example.com] is not in [lookalike.ingest.url_allow_list]");
        cases.put("urls/file:///etc/passwd", "must be an http or https URL");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            String[] parts = c.getKey().split("/", 2);
            String field = parts[0].equals("files") ? "path" : "url";
            JsonResponse answer = node.send("PUT", "/" + INDEX + "/_doc/bad?pipeline=" + parts[0],
                    JSON.writeValueAsString(Map.of(field, parts[1])));
            assertEquals(400, answer.status(), c + ": " + answer);
            assertTrue(answer.text().contains(c.getValue()), c + ": " + answer);
        }
        assertEquals(ITEMS, count());
    }

    @Test
    void badMappingsNameTheParameter() throws Exception {
        JsonResponse dims = node.send("PUT", "/bad-dims", "{\"mappings\": {\"properties\": {\"v\": "
                + "{\"type\": \"image_vector\", \"dims\": 0}}}}");
        assertEquals(400, dims.status(), dims::toString);
        assertTrue(dims.text().contains("[dims] of an [image_vector] field must be between 1 and 1024"), dims::toString);
        JsonResponse similarity = node.send("PUT", "/bad-similarity", "{\"mappings\": {\"properties\": {\"v\": "
                + "{\"type\": \"image_vector\", \"similarity\": \"hamming\"}}}}");
        assertEquals(400, similarity.status(), similarity::toString);
        assertTrue(similarity.text().contains("hamming"), similarity::toString);
    }

    @Test
    void quantizedFieldAnswersTheSameNearestItems() throws Exception {
        ok(node.send("PUT", "/quantized", """
                {"settings": {"number_of_shards": 1, "number_of_replicas": 0},
                 "mappings": {"properties": {"embedding": {"type": "image_vector", "quantization": "int8",
                   "similarity": "dot_product", "m": 8, "ef_construction": 64}}}}"""));
        JsonNode all = ok(node.send("POST", "/" + INDEX + "/_search",
                "{\"size\": " + ITEMS + ", \"_source\": [\"embedding\"]}")).body();
        StringBuilder bulk = new StringBuilder();
        for (JsonNode hit : all.path("hits").path("hits")) {
            bulk.append("{\"index\": {\"_id\": \"").append(hit.path("_id").asText()).append("\"}}\n")
                    .append(JSON.writeValueAsString(hit.path("_source"))).append('\n');
        }
        ok(node.send("POST", "/quantized/_bulk?refresh=true", bulk.toString()));
        float[] query = floats(all.path("hits").path("hits").get(0).path("_source").path("embedding"));
        ObjectNode knn = JSON.createObjectNode().put("field", "embedding").put("k", 10).put("num_candidates", ITEMS);
        knn.set("vector", array(query));
        ObjectNode body = JSON.createObjectNode().put("size", 10);
        body.putObject("query").set("image_knn", knn);
        JsonNode quantized = ok(node.send("POST", "/quantized/_search", JSON.writeValueAsString(body))).body();
        // Scores come from the raw vectors, so quantization changes at most which candidates the graph finds.
        assertSameHits(coreSearch(QueryVector.of(query), 10, false, null), quantized, 1e-5);
        JsonNode segments = ok(node.get("/quantized/_segments")).body();
        assertTrue(segments.toString().contains("segments"), segments::toString);
    }

    /** Pipelines {@code files} (field {@code path}) and {@code urls} (field {@code url}). */
    private void putFileAndUrlPipelines() throws Exception {
        ok(node.send("PUT", "/_ingest/pipeline/files", """
                {"processors": [{"image_embedding": {"field": "path", "source": "file", "target_field": "embedding"}}]}"""));
        ok(node.send("PUT", "/_ingest/pipeline/urls", """
                {"processors": [{"image_embedding": {"field": "url", "source": "url", "target_field": "embedding"}}]}"""));
    }

    private long count() throws Exception {
        return ok(node.get("/" + INDEX + "/_count")).body().path("count").asLong();
    }
}
