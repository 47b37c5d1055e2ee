package dev.lookalike.e2e.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lookalike.analyzer.dataset.FashionMnist;
import dev.lookalike.analyzer.model.ClassifiedEmbedding;
import dev.lookalike.analyzer.model.Embedder;
import dev.lookalike.analyzer.model.EmbedderOptions;
import dev.lookalike.analyzer.model.ModelBundle;
import dev.lookalike.analyzer.model.ProxyClassifier;
import dev.lookalike.e2e.TestImages;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Lookalike plug-in installed into a real OpenSearch node: it is listed, describes its model, embeds images
 * exactly as the analyzer does in-process, answers bad input with 400 naming the field, answers a burst with 429,
 * and the node stays up through all of it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LookalikePluginTest {

    private static final String EMBED = "/_plugins/lookalike/_embed";
    private static final long MAX_IMAGE_BYTES = 1024 * 1024;
    private static final long MAX_IMAGE_PIXELS = 1_000_000;

    private OpenSearchNode node;
    private FashionMnist test;

    @BeforeAll
    void startNode() throws Exception {
        test = FashionMnist.load("test");
        node = OpenSearchNode.start(Path.of(System.getProperty("lookalike.opensearch.distribution")),
                List.of(Path.of(System.getProperty("lookalike.opensearch.plugin"))),
                Map.of("lookalike.max_image_bytes", MAX_IMAGE_BYTES + "b",
                        "lookalike.max_image_pixels", Long.toString(MAX_IMAGE_PIXELS),
                        "lookalike.inference_threads", "1",
                        "lookalike.inference_queue_size", "2"));
    }

    @AfterAll
    void stopNode() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void pluginIsListedByCatPlugins() throws Exception {
        JsonResponse plugins = node.get("/_cat/plugins?format=json");
        assertEquals(200, plugins.status(), plugins::toString);
        List<String> components = new ArrayList<>();
        plugins.body().forEach(p -> components.add(p.path("component").asText()));
        assertTrue(components.contains("lookalike"), "lookalike among " + components);
    }

    @Test
    void modelDescribesTheShippedFashionBundle() throws Exception {
        JsonResponse model = node.get("/_plugins/lookalike/model");
        assertEquals(200, model.status(), model::toString);
        ModelBundle fashion = ModelBundle.load("fashion");
        JsonNode body = model.body();
        assertEquals("fashion", body.path("name").asText(), model::toString);
        assertEquals(64, body.path("embedding_size").asInt(), model::toString);
        List<String> classes = new ArrayList<>();
        body.path("classes").forEach(c -> classes.add(c.asText()));
        assertEquals(fashion.spec().classes(), classes);
        assertEquals(fashion.spec().input().width(), body.path("input").path("width").asInt());
        assertEquals(fashion.spec().input().mean(0), body.path("input").path("mean").floatValue(), 1e-6);
        assertEquals(fashion.spec().training().dataset(), body.path("training").path("dataset").asText());
        assertEquals(fashion.spec().training().seed(), body.path("training").path("seed").asLong());
    }

    @Test
    void embedEqualsTheAnalyzersEmbeddingAndPredictsTheCategory() throws Exception {
        try (Embedder embedder = Embedder.open(ModelBundle.load("fashion"), EmbedderOptions.defaults())) {
            for (int index : new int[] {0, 1, 2, 3, 4}) {
                byte[] png = TestImages.fashionPng(test, index);
                JsonResponse answer = node.send("POST", EMBED, TestImages.embedBody(png));
                assertEquals(200, answer.status(), answer::toString);

                ClassifiedEmbedding analyzed = embedder.embedAndClassifyInputs(List.of(
                        embedder.preprocessor().apply(embedder.decoder().decode(png, "test image " + index)))).get(0);
                float[] expected = analyzed.vector();
                JsonNode vector = answer.body().path("vector");
                assertEquals(64, vector.size(), answer::toString);
                double norm = 0;
                for (int d = 0; d < 64; d++) {
                    assertEquals(expected[d], vector.get(d).floatValue(), 1e-4, "test image " + index + ", e" + d);
                    norm += vector.get(d).doubleValue() * vector.get(d).doubleValue();
                }
                assertEquals(1.0, norm, 1e-4, "a unit vector");

                // The prediction is the network's, made before proxy anchoring: its probability is the model's own.
                ProxyClassifier.Prediction prediction = analyzed.prediction();
                JsonNode predicted = answer.body().path("predicted_category");
                assertEquals(prediction.name(), predicted.path("name").asText(), answer::toString);
                assertEquals(prediction.probability(), predicted.path("probability").floatValue(), 1e-4);
            }
        }
        JsonResponse boot = node.send("POST", EMBED, TestImages.embedBody(TestImages.fashionPng(test, 0)));
        assertEquals(test.classNames().get(test.label(0)), boot.body().path("predicted_category").path("name").asText(),
                "test image 0 is an ankle boot, and the model knows it");
    }

    static Stream<Arguments> badRequests() {
        return Stream.of(
                Arguments.of("malformed JSON", "{\"image\": ", "not valid JSON"),
                Arguments.of("not an object", "[\"image\"]", "must be a JSON object"),
                Arguments.of("missing field", "{}", "missing field [image]"),
                Arguments.of("unknown field", "{\"image\": \"aGk=\", \"url\": \"http://x\"}", "unknown field [url]"),
                Arguments.of("image not a string", "{\"image\": 42}", "[image] must be a base64 string"),
                Arguments.of("not base64", "{\"image\": \"this is not base64!\"}", "[image]: is not valid base64"),
                Arguments.of("bytes not an image", TestImages.embedBody("just some text".getBytes(StandardCharsets.UTF_8)),
                        "[image]: not a recognised image format"),
                Arguments.of("empty image", "{\"image\": \"\"}", "[image]: no bytes"),
                Arguments.of("truncated image", TestImages.embedBody(java.util.Arrays.copyOf(TestImages.noisePng(64, 64, 1), 500)),
                        "[image]: "),
                Arguments.of("over the byte limit", TestImages.embedBody(TestImages.noisePng(700, 700, 2)),
                        "exceeds the limit of " + MAX_IMAGE_BYTES + " bytes"),
                Arguments.of("over the pixel limit", TestImages.embedBody(TestImages.plainPng(1200, 1000)),
                        "exceeds the limit of " + MAX_IMAGE_PIXELS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void badInputIsAnswered400NamingTheFieldAndTheNodeStaysUp(String what, String body, String reason)
            throws Exception {
        JsonResponse answer = node.send("POST", EMBED, body);
        assertEquals(400, answer.status(), what + ": " + answer);
        assertTrue(answer.errorReason().contains(reason), what + ": reason should contain '" + reason + "': " + answer);

        JsonResponse good = node.send("POST", EMBED, TestImages.embedBody(TestImages.fashionPng(test, 1)));
        assertEquals(200, good.status(), "a good request after " + what + ": " + good);
    }

    @Test
    void requestWithoutBodyIsAnswered400() throws Exception {
        JsonResponse answer = node.send("POST", EMBED, "");
        assertEquals(400, answer.status(), answer::toString);
        assertTrue(answer.errorReason().contains("needs a body"), answer::toString);
    }

    @Test
    void burstBeyondThePoolIsAnswered429AndTheNodeStaysUp() throws Exception {
        String body = TestImages.embedBody(TestImages.noisePng(200, 200, 3));
        Map<Integer, List<String>> answers = EmbedBurst.send(node, body, 2000);
        assertTrue(java.util.Set.of(200, 429).containsAll(answers.keySet()), () -> "statuses " + answers.keySet());
        answers.getOrDefault(429, List.of()).forEach(refusal -> assertTrue(refusal.contains("rejected"), refusal));
        int ok = answers.getOrDefault(200, List.of()).size();
        int rejected = answers.getOrDefault(429, List.of()).size();
        assertTrue(ok > 0, "some of the burst is embedded");
        assertTrue(rejected > 0, "with 1 thread and a queue of 2, a burst of 2,000 gets 429s (" + ok + " ok)");
        assertTrue(node.isRunning());
        JsonResponse good = node.send("POST", EMBED, TestImages.embedBody(TestImages.fashionPng(test, 2)));
        assertEquals(200, good.status(), good::toString);
    }
}
