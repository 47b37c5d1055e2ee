package dev.lookalike.e2e.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookalike.analyzer.dataset.FashionMnist;
import dev.lookalike.e2e.TestImages;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The Solr plug-in's node-level settings and the bad input they guard against, on real Solr 10 nodes: one node
 * with small image limits and an inference pool of one thread and one queue slot answers images over the byte or
 * pixel limit and a decompression bomb with 400s naming the limit (through {@code /lookalike/embed}, the update
 * chain and {@code {!image_knn}}), answers a burst beyond its queue with 429/503 and never a 500, refuses cores
 * whose configuration is malformed with a message naming the parameter or field, and serves a
 * {@code solr.ScalarQuantizedDenseVectorField}; two more nodes, each with one bad node setting, refuse every core
 * with a message naming the setting. Throughout, the node stays up and nothing indexed is lost.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SolrNodeSettingsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CORE = "catalogue";
    private static final String QUANTIZED = "quantized";
    private static final int ITEMS = 20;
    private static final int QUANTIZED_ITEMS = 40;
    private static final long MAX_IMAGE_BYTES = 500_000;
    private static final long MAX_IMAGE_PIXELS = 1_000_000;

    private FashionMnist test;
    private Path configSets;
    private SolrNode node;
    private HttpClient http;

    /** Images over a limit, and the words their refusal must hold. */
    private final Map<String, byte[]> badImages = new LinkedHashMap<>();
    private final Map<String, String> badImageReasons = new LinkedHashMap<>();

    @BeforeAll
    void startNodeWithSmallLimitsAndOneInferenceSlot() throws Exception {
        test = FashionMnist.load("test");
        configSets = Files.createTempDirectory("lookalike-solr-settings-");
        Path example = SolrPluginTest.pluginConfigSet();
        List<Path> sets = List.of(example,
                configSet(example, QUANTIZED, "managed-schema.xml",
                        s -> replaceOnce(s, "class=\"solr.DenseVectorField\"",
                                "class=\"solr.ScalarQuantizedDenseVectorField\" bits=\"7\"")),
                configSet(example, "unknown-parameter", "solrconfig.xml",
                        s -> replaceOnce(s, "<str name=\"outputField\">embedding</str>",
                                "<str name=\"outputField\">embedding</str><str name=\"outputFeild\">vec</str>")),
                configSet(example, "output-title", "solrconfig.xml",
                        s -> replaceOnce(s, "<str name=\"outputField\">embedding</str>",
                                "<str name=\"outputField\">title</str>")),
                configSet(example, "output-32d", "managed-schema.xml",
                        s -> replaceOnce(s, "vectorDimension=\"64\"", "vectorDimension=\"32\"")));
        node = SolrNode.start(List.of(SolrPluginTest.pluginZip()), sets, Map.of(
                "lookalike.max_image_bytes", Long.toString(MAX_IMAGE_BYTES),
                "lookalike.max_image_pixels", Long.toString(MAX_IMAGE_PIXELS),
                "lookalike.inference_threads", "1",
                "lookalike.inference_queue_size", "1"));
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                .build();
        createCore(CORE, "lookalike");
        ArrayNode docs = JSON.createArrayNode();
        for (int i = 0; i < ITEMS; i++) {
            docs.addObject().put("id", "item-" + i).put("category", category(i)).put("image", base64(fashion(i)));
        }
        SolrResponse indexed = ok(node.post(CORE + "/update", Map.of("commit", "true"), docs.toString()));
        assertEquals(0, indexed.body().path("responseHeader").path("errors").size(), indexed::toString);
        assertEquals(ITEMS, count(CORE));

        byte[] overBytes = TestImages.noisePng(500, 500, 1);
        assertTrue(overBytes.length > MAX_IMAGE_BYTES, "noise hardly compresses: " + overBytes.length);
        badImages.put("over-bytes", overBytes);
        badImageReasons.put("over-bytes",
                overBytes.length + " bytes (as base64) exceeds the limit of " + MAX_IMAGE_BYTES);
        byte[] overPixels = TestImages.plainPng(1100, 1000);
        assertTrue(overPixels.length < MAX_IMAGE_BYTES);
        badImages.put("over-pixels", overPixels);
        badImageReasons.put("over-pixels", "1100x1000 = 1100000 pixels exceeds the limit of " + MAX_IMAGE_PIXELS);
        byte[] bomb = TestImages.pngHeaderOnly(20_000, 20_000);
        badImages.put("bomb", bomb);
        badImageReasons.put("bomb", "20000x20000 = 400000000 pixels exceeds the limit of " + MAX_IMAGE_PIXELS);
    }

    @AfterAll
    void stopNode() throws IOException {
        if (node != null) {
            node.close();
        }
        if (configSets != null) {
            try (var files = Files.walk(configSets)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    // ---------------------------------------------------------------- image limits

    @Test
    void embedRefusesImagesOverALimitAndBombsWith400sNamingTheLimit() throws Exception {
        for (Map.Entry<String, byte[]> bad : badImages.entrySet()) {
            SolrResponse asParameter = postForm(CORE + "/lookalike/embed", Map.of("image", base64(bad.getValue())));
            assertRefused(bad.getKey() + " as [image]", asParameter, "[image]",
                    badImageReasons.get(bad.getKey()));
            SolrResponse asBody = postBytes(CORE + "/lookalike/embed", "image/png", bad.getValue());
            assertRefused(bad.getKey() + " as the body", asBody, "request body",
                    bad.getKey().equals("over-bytes") ? "over [lookalike.max_image_bytes] " + MAX_IMAGE_BYTES
                            : badImageReasons.get(bad.getKey()));
        }
        assertEquals(64, ok(postBytes(CORE + "/lookalike/embed", "image/png", fashion(ITEMS))).body()
                .path("vector").size(), "a good image after the bad ones");
        assertNodeUpAndNothingLost();
    }

    @Test
    void theUpdateChainFailsEachImageOverALimitAloneAndIndexesTheRest() throws Exception {
        ArrayNode docs = JSON.createArrayNode();
        docs.addObject().put("id", "limits-good-1").put("image", base64(fashion(ITEMS + 1)));
        for (Map.Entry<String, byte[]> bad : badImages.entrySet()) {
            docs.addObject().put("id", "limits-" + bad.getKey()).put("image", base64(bad.getValue()));
        }
        docs.addObject().put("id", "limits-good-2").put("image", base64(fashion(ITEMS + 2)));
        SolrResponse answer = ok(node.post(CORE + "/update", Map.of("commit", "true"), docs.toString()));
        Map<String, String> errors = new LinkedHashMap<>();
        answer.body().path("responseHeader").path("errors")
                .forEach(e -> errors.put(e.path("id").asText(), e.path("message").asText()));
        assertEquals(List.of("limits-over-bytes", "limits-over-pixels", "limits-bomb"), List.copyOf(errors.keySet()),
                answer::toString);
        for (String bad : badImages.keySet()) {
            String message = errors.get("limits-" + bad);
            assertTrue(message.contains("document [limits-" + bad + "] field [image]"), message);
            assertTrue(message.contains(badImageReasons.get(bad)), bad + ": " + message);
        }
        assertEquals(ITEMS + 2, count(CORE), "the two good documents are indexed");
        assertEquals(64, ok(node.get(CORE + "/get", Map.of("id", "limits-good-2"))).body().path("doc")
                .path("embedding").size());
        ok(node.post(CORE + "/update", Map.of("commit", "true"), "{\"delete\": {\"query\": \"id:limits-*\"}}"));
        assertNodeUpAndNothingLost();
    }

    @Test
    void imageKnnRefusesQueryImagesOverALimitAndBombsWith400sNamingTheLimit() throws Exception {
        for (Map.Entry<String, byte[]> bad : badImages.entrySet()) {
            SolrResponse answer = imageQuery(CORE, bad.getValue(), 5);
            assertRefused(bad.getKey() + " as {!image_knn} image", answer, "{!image_knn} image",
                    badImageReasons.get(bad.getKey()));
        }
        SolrResponse good = ok(imageQuery(CORE, fashion(3), 5));
        assertEquals("item-3", good.docs().path(0).path("id").asText(), "an indexed item's image finds it first");
        assertNodeUpAndNothingLost();
    }

    // ---------------------------------------------------------------- the inference queue

    @Test
    void aBurstBeyondTheQueueIsAnswered429Or503AndNeverA500AndUpdatesRunOnTheirOwnThread() throws Exception {
        byte[] large = TestImages.noisePng(350, 350, 7);
        assertTrue(large.length < MAX_IMAGE_BYTES);
        String queryBody = imageQueryBody(large, 5).toString();
        List<CompletableFuture<HttpResponse<String>>> reads = new ArrayList<>();
        List<CompletableFuture<HttpResponse<String>>> updates = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            HttpRequest request = i % 2 == 0
                    ? request(CORE + "/lookalike/embed", "image/png", large)
                    : request(CORE + "/select", "application/json",
                            queryBody.getBytes(StandardCharsets.UTF_8));
            reads.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
            if (i % 10 == 0) {
                String doc = "[{\"id\": \"burst-" + i + "\", \"image\": \"" + base64(fashion(100 + i)) + "\"}]";
                updates.add(http.sendAsync(request(CORE + "/update", "application/json",
                        doc.getBytes(StandardCharsets.UTF_8)), HttpResponse.BodyHandlers.ofString()));
            }
        }
        int answered = 0;
        int refused = 0;
        for (CompletableFuture<HttpResponse<String>> future : reads) {
            HttpResponse<String> answer = future.join();
            if (answer.statusCode() == 200) {
                answered++;
            } else {
                assertTrue(answer.statusCode() == 429 || answer.statusCode() == 503,
                        () -> answer.statusCode() + " " + answer.body());
                assertTrue(answer.body().contains("lookalike.inference_queue_size"), answer::body);
                refused++;
            }
        }
        for (CompletableFuture<HttpResponse<String>> future : updates) {
            HttpResponse<String> answer = future.join();
            assertEquals(200, answer.statusCode(), answer::body);
            assertEquals(0, JSON.readTree(answer.body()).path("responseHeader").path("errors").size(), answer::body);
        }
        assertTrue(answered > 0, "some of the burst is answered (" + refused + " refused)");
        assertTrue(refused > 0, "one thread and one queue slot refuse some of 40 at once (" + answered + " answered)");
        ok(node.post(CORE + "/update", Map.of("commit", "true"), "{\"commit\": {}}"));
        assertEquals(ITEMS + updates.size(), count(CORE), "a full queue never fails an update");
        ok(node.post(CORE + "/update", Map.of("commit", "true"), "{\"delete\": {\"query\": \"id:burst-*\"}}"));
        assertEquals(64, ok(postBytes(CORE + "/lookalike/embed", "image/png", large)).body().path("vector").size(),
                "the node answers after the burst");
        assertNodeUpAndNothingLost();
    }

    // ---------------------------------------------------------------- malformed configuration

    @Test
    void aMalformedConfigurationFailsTheCoreWithAMessageNamingTheParameterOrField() throws Exception {
        Map<String, List<String>> cases = new LinkedHashMap<>();
        cases.put("unknown-parameter", List.of("[outputFeild]", "is not a parameter of this processor"));
        cases.put("output-title", List.of("outputField [title]", "not a solr.DenseVectorField"));
        cases.put("output-32d", List.of("outputField [embedding]", "vectorDimension 32", "64"));
        for (Map.Entry<String, List<String>> c : cases.entrySet()) {
            String core = "bad-" + c.getKey();
            SolrResponse created = node.get("admin/cores", Map.of("action", "CREATE", "name", core,
                    "configSet", c.getKey()));
            assertNotEquals(200, created.status(), created::toString);
            for (String expected : c.getValue()) {
                assertTrue(created.errorMessage().contains(expected), c.getKey() + " -> " + created);
            }
            String failure = initFailure(core);
            for (String expected : c.getValue()) {
                assertTrue(failure.contains(expected), c.getKey() + " initFailures -> " + failure);
            }
        }
        assertNodeUpAndNothingLost();
    }

    @Test
    void aBadNodeSettingFailsEveryCoreWithAMessageNamingTheSetting() throws Exception {
        Map<String, String> badSettings = new LinkedHashMap<>();
        badSettings.put("lookalike.model", "/nonexistent");
        badSettings.put("lookalike.inference_threads", "zero");
        List<CompletableFuture<SolrNode>> starting = new ArrayList<>();
        for (Map.Entry<String, String> setting : badSettings.entrySet()) {
            starting.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return SolrNode.start(List.of(SolrPluginTest.pluginZip()),
                            List.of(SolrPluginTest.pluginConfigSet()), Map.of(setting.getKey(), setting.getValue()));
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        List<SolrNode> nodes = new ArrayList<>();
        try {
            for (CompletableFuture<SolrNode> s : starting) {
                nodes.add(s.join());
            }
            int i = 0;
            for (Map.Entry<String, String> setting : badSettings.entrySet()) {
                SolrNode bad = nodes.get(i++);
                SolrResponse created = bad.get("admin/cores", Map.of("action", "CREATE", "name", CORE,
                        "configSet", "lookalike"));
                assertNotEquals(200, created.status(), created::toString);
                String message = created.errorMessage();
                assertTrue(message.contains("[" + setting.getKey() + "]") && message.contains(setting.getValue()),
                        setting + " -> " + created + "\n" + bad.logTail());
                assertTrue(bad.isRunning(), "a bad setting fails the core, not the node");
            }
        } finally {
            for (CompletableFuture<SolrNode> s : starting) {
                s.thenAccept(SolrNode::close).exceptionally(e -> null).join();
            }
        }
    }

    // ---------------------------------------------------------------- scalar-quantized vectors

    @Test
    void aScalarQuantizedVectorFieldIsFilledByTheChainAndSearchedByImageKnn() throws Exception {
        createCore(QUANTIZED, QUANTIZED);
        assertEquals("solr.ScalarQuantizedDenseVectorField", ok(node.get(QUANTIZED + "/schema/fieldtypes/image_vector",
                Map.of())).body().path("fieldType").path("class").asText());
        ArrayNode docs = JSON.createArrayNode();
        for (int i = 0; i < QUANTIZED_ITEMS; i++) {
            docs.addObject().put("id", "q-" + i).put("category", category(i)).put("image", base64(fashion(i)));
        }
        SolrResponse indexed = ok(node.post(QUANTIZED + "/update", Map.of("commit", "true"), docs.toString()));
        assertEquals(0, indexed.body().path("responseHeader").path("errors").size(), indexed::toString);
        assertEquals(QUANTIZED_ITEMS, count(QUANTIZED));
        JsonNode stored = ok(node.get(QUANTIZED + "/select", Map.of("q", "*:*", "rows", "1000",
                "fl", "id,embedding,predicted_category"))).docs();
        Map<String, float[]> vectors = new LinkedHashMap<>();
        for (JsonNode doc : stored) {
            assertEquals(64, doc.path("embedding").size(), doc::toString);
            float[] v = new float[64];
            for (int d = 0; d < 64; d++) {
                v[d] = doc.path("embedding").get(d).floatValue();
            }
            vectors.put(doc.path("id").asText(), v);
        }
        for (int i = 0; i < 8; i++) {
            SolrResponse byImage = ok(imageQuery(QUANTIZED, fashion(i), 3));
            assertEquals("q-" + i, byImage.docs().path(0).path("id").asText(), "its own image finds q-" + i
                    + ": " + byImage);
            assertEquals(1.0, byImage.docs().path(0).path("score").asDouble(), 0.01, byImage::toString);
        }
        int overlap = 0;
        int asked = 0;
        for (int i = 0; i < 8; i++) {
            String id = "q-" + i;
            SolrResponse like = ok(node.post(QUANTIZED + "/select", Map.of(), JSON.createObjectNode()
                    .put("query", "{!image_knn f=embedding topK=5 like=" + id + "}").put("limit", 5)
                    .put("fields", "id,score").toString()));
            Set<String> got = new HashSet<>();
            like.docs().forEach(d -> got.add(d.path("id").asText()));
            assertEquals(5, got.size(), like::toString);
            assertTrue(!got.contains(id), "like leaves " + id + " out: " + like);
            for (String exact : nearest(vectors, id, 5)) {
                overlap += got.contains(exact) ? 1 : 0;
                asked++;
            }
        }
        assertTrue(overlap >= 0.8 * asked, "like on quantized vectors finds the exact 5 nearest: recall "
                + overlap + "/" + asked);
    }

    // ---------------------------------------------------------------- helpers

    /** The ids of the {@code k} stored vectors nearest {@code id}'s by dot product, itself left out. */
    private static List<String> nearest(Map<String, float[]> vectors, String id, int k) {
        float[] q = vectors.get(id);
        return vectors.entrySet().stream().filter(e -> !e.getKey().equals(id))
                .sorted(Comparator.comparingDouble(e -> -dot(q, e.getValue())))
                .limit(k).map(Map.Entry::getKey).toList();
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private void assertNodeUpAndNothingLost() throws Exception {
        assertTrue(node.isRunning());
        assertEquals(ITEMS, count(CORE), "nothing indexed is lost");
    }

    private static void assertRefused(String what, SolrResponse answer, String names, String reason) {
        assertEquals(400, answer.status(), () -> what + " -> " + answer);
        assertTrue(answer.errorMessage().contains(names), () -> what + " names " + names + ": " + answer);
        assertTrue(answer.errorMessage().contains(reason), () -> what + " says '" + reason + "': " + answer);
    }

    private void createCore(String name, String configSet) throws Exception {
        SolrResponse created = node.get("admin/cores", Map.of("action", "CREATE", "name", name,
                "configSet", configSet));
        assertEquals(200, created.status(), () -> created + "\n" + node.logTail());
    }

    /** The core's entry in CoreAdmin's {@code initFailures}, or an empty string. */
    private String initFailure(String core) throws Exception {
        JsonNode status = ok(node.get("admin/cores", Map.of("action", "STATUS"))).body();
        return status.path("initFailures").path(core).asText("");
    }

    private long count(String core) throws Exception {
        return ok(node.get(core + "/select", Map.of("q", "*:*", "rows", "0"))).body().path("response")
                .path("numFound").asLong();
    }

    private static SolrResponse ok(SolrResponse response) {
        assertEquals(200, response.status(), response::toString);
        return response;
    }

    private SolrResponse imageQuery(String core, byte[] image, int k) throws Exception {
        return node.post(core + "/select", Map.of(), imageQueryBody(image, k).toString());
    }

    private static ObjectNode imageQueryBody(byte[] image, int k) {
        ObjectNode body = JSON.createObjectNode().put("query", "{!image_knn f=embedding topK=" + k + " v=$img}")
                .put("limit", k).put("fields", "id,score");
        body.putObject("params").put("img", base64(image));
        return body;
    }

    private SolrResponse postForm(String path, Map<String, String> form) throws Exception {
        StringBuilder body = new StringBuilder();
        for (Map.Entry<String, String> e : form.entrySet()) {
            body.append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).append('&');
        }
        return postBytes(path, "application/x-www-form-urlencoded",
                body.append("wt=json").toString().getBytes(StandardCharsets.UTF_8));
    }

    private SolrResponse postBytes(String path, String contentType, byte[] body) throws Exception {
        HttpResponse<String> answer = http.send(request(path, contentType, body),
                HttpResponse.BodyHandlers.ofString());
        JsonNode json;
        try {
            json = JSON.readTree(answer.body());
        } catch (IOException e) {
            json = MissingNode.getInstance();
        }
        return new SolrResponse(answer.statusCode(), json == null ? MissingNode.getInstance() : json, answer.body());
    }

    private HttpRequest request(String path, String contentType, byte[] body) {
        URI uri = node.url().resolve(path + "?wt=json");
        return HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(2)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    private byte[] fashion(int index) {
        return TestImages.fashionPng(test, index);
    }

    private String category(int i) {
        return test.classNames().get(test.label(i));
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** A copy of the example configset under another name, with one of its files edited as text. */
    private Path configSet(Path example, String name, String file, UnaryOperator<String> edit) throws IOException {
        return ConfigSetCopy.of(example, configSets, name, file, edit);
    }

    private static String replaceOnce(String text, String from, String to) {
        int at = text.indexOf(from);
        if (at < 0 || text.indexOf(from, at + 1) >= 0) {
            throw new IllegalStateException("expected [" + from + "] once in the example configset");
        }
        return text.substring(0, at) + to + text.substring(at + from.length());
    }
}
