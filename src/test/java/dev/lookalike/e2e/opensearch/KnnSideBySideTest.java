package dev.lookalike.e2e.opensearch;

import static dev.lookalike.e2e.CoreOracle.array;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookalike.analyzer.dataset.FashionMnist;
import dev.lookalike.e2e.LookalikeCli;
import dev.lookalike.e2e.TestImages;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Lookalike next to the OpenSearch k-NN plug-in (3.4.0.0, Lucene engine) on one node: the two plug-ins' fields
 * live together, in a k-NN index and in a plain one, and each plug-in's query finds the exact nearest documents;
 * and {@code lookalike bench opensearch} measures both on the same vectors. The node has the painless module the
 * k-NN plug-in needs, so the {@code image_embedding} processor's {@code if} conditions are tested here too. Run by
 * {@code scripts/bench-opensearch}
 * with full-size arguments, this test prints the table in docs/benchmarks.md.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KnnSideBySideTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int DOCS = 300;

    private OpenSearchNode node;
    private float[][] vectors;

    @BeforeAll
    void startNodeWithBothPlugins() throws Exception {
        node = OpenSearchNode.start(Path.of(System.getProperty("lookalike.opensearch.distribution")),
                List.of(Path.of(System.getProperty("lookalike.opensearch.painless.module"))),
                List.of(Path.of(System.getProperty("lookalike.opensearch.knn.plugin")),
                        Path.of(System.getProperty("lookalike.opensearch.plugin"))),
                Map.of());
        Random random = new Random(7);
        vectors = new float[DOCS][64];
        for (float[] v : vectors) {
            double norm = 0;
            for (int d = 0; d < v.length; d++) {
                v[d] = (float) random.nextGaussian();
                norm += v[d] * v[d];
            }
            for (int d = 0; d < v.length; d++) {
                v[d] /= (float) Math.sqrt(norm);
            }
        }
    }

    @AfterAll
    void stop() {
        if (node != null) {
            node.close();
        }
    }

    private static JsonResponse ok(JsonResponse response) {
        assertEquals(200, response.status(), response::toString);
        return response;
    }

    /** The ids of the k documents with the highest dot product with the query, best first. */
    private List<String> exact(float[] query, int k) {
        Integer[] order = new Integer[DOCS];
        double[] score = new double[DOCS];
        for (int i = 0; i < DOCS; i++) {
            order[i] = i;
            for (int d = 0; d < 64; d++) {
                score[i] += vectors[i][d] * query[d];
            }
        }
        Arrays.sort(order, (a, b) -> Double.compare(score[b], score[a]));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            ids.add(Integer.toString(order[i]));
        }
        return ids;
    }

    private static List<String> ids(JsonNode answer) {
        List<String> ids = new ArrayList<>();
        answer.path("hits").path("hits").forEach(h -> ids.add(h.path("_id").asText()));
        return ids;
    }

    /**
     * Both fields in one index; both queries find the exact nearest documents.
     *
     * @param index    the index's name
     * @param settings extra index settings, each followed by a comma
     * @param knnField the {@code knn_vector} field's mapping
     * @param knnQuery the k-NN plug-in's query for a vector, as that mapping allows it
     */
    private void bothFieldsWorkIn(String index, String settings, String knnField,
            Function<float[], ObjectNode> knnQuery) throws Exception {
        ok(node.send("PUT", "/" + index, """
                {"settings": {%s "number_of_shards": 1, "number_of_replicas": 0},
                 "mappings": {"properties": {
                   "image": {"type": "image_vector", "m": 8, "ef_construction": 50},
                   "knn": %s}}}""".formatted(settings, knnField)));
        StringBuilder bulk = new StringBuilder();
        for (int i = 0; i < DOCS; i++) {
            ObjectNode doc = JSON.createObjectNode();
            doc.set("image", array(vectors[i]));
            doc.set("knn", array(vectors[i]));
            bulk.append("{\"index\": {\"_id\": \"").append(i).append("\"}}\n").append(doc).append('\n');
        }
        JsonNode loaded = ok(node.send("POST", "/" + index + "/_bulk?refresh=true", bulk.toString())).body();
        assertEquals(false, loaded.path("errors").asBoolean(), loaded::toString);
        for (int q = 0; q < 5; q++) {
            float[] query = vectors[q * 37];
            ObjectNode imageKnn = JSON.createObjectNode();
            ObjectNode options = imageKnn.putObject("query").putObject("image_knn").put("field", "image").put("k", 10)
                    .put("num_candidates", DOCS);
            options.set("vector", array(query));
            imageKnn.put("size", 10);
            ObjectNode knn = JSON.createObjectNode().put("size", 10);
            knn.set("query", knnQuery.apply(query));
            List<String> expected = exact(query, 10);
            assertEquals(expected, ids(ok(node.send("POST", "/" + index + "/_search", imageKnn.toString())).body()),
                    index + ": image_knn");
            assertEquals(expected, ids(ok(node.send("POST", "/" + index + "/_search", knn.toString())).body()),
                    index + ": knn");
        }
        ok(node.send("POST", "/" + index + "/_forcemerge?max_num_segments=1", ""));
        assertEquals(DOCS, ok(node.get("/" + index + "/_count")).body().path("count").asInt());
    }

    @Test
    void bothPluginsFieldsLiveTogetherInAKnnIndex() throws Exception {
        // The k-NN plug-in supplies this index's codec: image_vector gets Lucene's default HNSW format.
        bothFieldsWorkIn("with-knn-codec", "\"index.knn\": true,", """
                {"type": "knn_vector", "dimension": 64, "method": {"name": "hnsw", "engine": "lucene",
                  "space_type": "cosinesimil"}}""", query -> {
            ObjectNode knn = JSON.createObjectNode();
            knn.putObject("knn").putObject("knn").put("k", DOCS).set("vector", array(query));
            return knn;
        });
    }

    @Test
    void bothPluginsFieldsLiveTogetherInAPlainIndex() throws Exception {
        // Lookalike supplies this index's codec; the k-NN plug-in allows only a flat knn_vector here, searched
        // exactly with its knn_score script.
        bothFieldsWorkIn("with-lookalike-codec", "", """
                {"type": "knn_vector", "dimension": 64, "space_type": "cosinesimil"}""", query -> {
            ObjectNode scriptScore = JSON.createObjectNode();
            ObjectNode inner = scriptScore.putObject("script_score");
            inner.putObject("query").putObject("match_all");
            ObjectNode params = inner.putObject("script").put("source", "knn_score").put("lang", "knn")
                    .putObject("params").put("field", "knn").put("space_type", "cosinesimil");
            params.set("query_value", array(query));
            return scriptScore;
        });
    }

    /** Processor conditions are painless scripts, so they are tested on this node, the one with painless. */
    @Test
    void imageEmbeddingHonoursItsConditionInsideABatch() throws Exception {
        FashionMnist test = FashionMnist.load("test");
        ok(node.send("PUT", "/conditional", """
                {"mappings": {"properties": {"embedding": {"type": "image_vector", "dims": 64}}}}"""));
        ok(node.send("PUT", "/_ingest/pipeline/conditional", """
                {"processors": [{"image_embedding": {"field": "image", "target_field": "embedding",
                   "remove_image": true, "batch_size": 2, "if": "ctx.image != null && ctx.skip != true"}}]}"""));
        StringBuilder bulk = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            ObjectNode doc = JSON.createObjectNode().put("n", i);
            if (i != 1) {
                doc.put("image", Base64.getEncoder().encodeToString(TestImages.fashionPng(test, i)));
            }
            if (i == 2) {
                doc.put("skip", true);
            }
            bulk.append("{\"index\": {\"_id\": \"").append(i).append("\"}}\n")
                    .append(JSON.writeValueAsString(doc)).append('\n');
        }
        JsonNode items = ok(node.send("POST", "/conditional/_bulk?pipeline=conditional&refresh=true", bulk.toString()))
                .body().path("items");
        for (int i = 0; i < 5; i++) {
            assertEquals(201, items.get(i).path("index").path("status").asInt(), items.get(i)::toString);
            JsonNode source = ok(node.get("/conditional/_doc/" + i)).body().path("_source");
            boolean embedded = i != 1 && i != 2;
            assertEquals(embedded ? 64 : 0, source.path("embedding").size(), "document " + i + ": " + source);
            assertEquals(i == 2, source.has("image"), "only the skipped document keeps its image: " + source);
        }
    }

    @Test
    void benchmarkReportsLatencyAndRecallOfBoth() throws Exception {
        LookalikeCli.BenchRun bench = LookalikeCli.bench(
                List.of("bench", "opensearch", "--url", node.uri().toString(), "--replace"),
                "lookalike.bench.opensearch.args",
                List.of("--vectors", "3000", "--source-images", "500", "--queries", "100", "--warmup", "20"));
        LookalikeCli.Result run = bench.run();
        assertEquals(0, run.exitCode(), run::toString);
        List<String> kinds = new ArrayList<>();
        for (JsonNode kind : bench.figures().path("kinds")) {
            kinds.add(kind.path("kind").asText());
            // Re-ranking moves some of the nearest items out of the top k on purpose.
            double floor = kind.path("kind").asText().contains("rerank") ? 0.5 : 0.9;
            assertTrue(kind.path("recall_at_k").asDouble() >= floor, kind::toString);
            assertTrue(kind.path("p50_ms").asDouble() > 0, kind::toString);
        }
        assertEquals(List.of("lookalike", "lookalike_rerank", "knn_lucene"), kinds);
        assertTrue(run.stdout().contains("k-NN plug-in knn (lucene)"), run::toString);
    }
}
