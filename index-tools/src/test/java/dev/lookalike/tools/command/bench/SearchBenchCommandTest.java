package dev.lookalike.tools.command.bench;

import static dev.lookalike.tools.CliFixtures.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookalike.search.index.IndexSettings;
import dev.lookalike.tools.CliFixtures;
import dev.lookalike.tools.bench.search.SearchKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lookalike bench search} through the command line, on a corpus of 2,000 noisy copies of the 40 shape
 * images embedded by the tiny random model: one run shared by the tests that read its figures.
 */
class SearchBenchCommandTest {

    private static final int VECTORS = 2000;
    private static final int QUERIES = 50;

    @TempDir
    static Path shared;

    static Path shapes;
    static Path model;
    static CliFixtures.Run bench;
    static JsonNode figures;

    @BeforeAll
    static void runTheBenchmarkOnce() throws IOException {
        shapes = CliFixtures.shapes(shared.resolve("shapes"));
        model = CliFixtures.tinyBundle(shared.resolve("model"));
        Path json = shared.resolve("out").resolve("bench.json");
        bench = bench("--vectors", "" + VECTORS, "--queries", "" + QUERIES, "--warmup", "10",
                "--json", json.toString());
        assertEquals(0, bench.code(), bench.err());
        figures = new ObjectMapper().readTree(json.toFile());
    }

    private static CliFixtures.Run bench(String... more) {
        List<String> args = new ArrayList<>(List.of("bench", "search", "--dataset", shapes.toString(),
                "--model", model.toString(), "--batch-size", "16"));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    private static JsonNode kind(SearchKind kind) {
        for (JsonNode node : figures.get("kinds")) {
            if (node.get("kind").asText().equals(kind.label())) {
                return node;
            }
        }
        throw new AssertionError("no figures for " + kind.label() + " in " + figures);
    }

    @Test
    void jsonHasEveryKindWithPositiveOrderedLatencies() {
        assertEquals(SearchKind.values().length, figures.get("kinds").size());
        for (SearchKind kind : SearchKind.values()) {
            JsonNode node = kind(kind);
            double p50 = node.get("p50_ms").asDouble();
            double p99 = node.get("p99_ms").asDouble();
            assertTrue(p50 > 0 && p50 <= p99, kind.label() + ": p50 " + p50 + ", p99 " + p99);
            assertTrue(node.get("qps").asDouble() > 0, kind.label());
        }
        double ratio = figures.get("filtered_rerank_over_lucene_filtered_p50").asDouble();
        assertEquals(kind(SearchKind.LOOKALIKE_FILTER_1_RERANK).get("p50_ms").asDouble()
                / kind(SearchKind.LUCENE_FILTER_1).get("p50_ms").asDouble(), ratio, 1e-9);
    }

    @Test
    void everyResultPassesItsFilterAndEveryQueryReturnsMinOfKAndMatches() {
        assertTrue(figures.get("all_results_valid").asBoolean());
        Map<String, Integer> matches = Map.of("10 %", 200, "1 %", 20, "0.1 %", 2);
        for (SearchKind kind : SearchKind.values()) {
            JsonNode node = kind(kind);
            assertEquals(0, node.get("filter_failures").asInt(), kind.label());
            assertEquals(0, node.get("count_failures").asInt(), kind.label());
            if (kind.category() != null) {
                // A category keeps its items: between none and all of the corpus, the mean over the queries.
                assertTrue(node.get("matches").asInt() > 0 && node.get("matches").asInt() < VECTORS, kind.label());
                continue;
            }
            assertEquals(kind.filter() == null ? VECTORS : matches.get(kind.filter().percent()),
                    node.get("matches").asInt(), kind.label());
            assertEquals(kind.filter() == null ? 1 : kind.filter().share(), node.get("filter_share").asDouble(), 0);
        }
        assertEquals(SearchKind.values().length, figures.get("unsorted_kinds").size(), "the unsorted index too");
        figures.get("unsorted_kinds").forEach(node -> {
            assertEquals(0, node.get("filter_failures").asInt(), node::toString);
            assertEquals(0, node.get("count_failures").asInt(), node::toString);
        });
    }

    @Test
    void recallIsAShareAndHighWithoutReranking() {
        for (SearchKind kind : SearchKind.values()) {
            double recall = kind(kind).get("recall_at_k").asDouble();
            assertTrue(recall >= 0 && recall <= 1, kind.label() + ": " + recall);
            assertEquals(QUERIES, kind(kind).get("recall_queries").asInt());
        }
        for (SearchKind kind : List.of(SearchKind.LUCENE, SearchKind.LOOKALIKE, SearchKind.LOOKALIKE_FILTER_10,
                SearchKind.LOOKALIKE_FILTER_1, SearchKind.LOOKALIKE_FILTER_01, SearchKind.LUCENE_FILTER_1,
                SearchKind.LOOKALIKE_SAME_CATEGORY, SearchKind.LOOKALIKE_OTHER_CATEGORY)) {
            assertTrue(kind(kind).get("recall_at_k").asDouble() >= 0.9, kind.label() + ": " + kind(kind));
        }
    }

    @Test
    void jsonHasTheSettingsAndBuildFigures() {
        JsonNode settings = figures.get("settings");
        assertEquals(VECTORS, settings.get("vectors").asInt());
        assertEquals(CliFixtures.TINY.embeddingSize(), settings.get("dimension").asInt());
        assertEquals("tiny", settings.get("model").asText());
        assertEquals(IndexSettings.DEFAULT_M, settings.get("hnsw_m").asInt());
        assertEquals("none", settings.get("quantization").asText());
        assertTrue(settings.get("cores").asInt() >= 1);
        assertFalse(settings.get("jvm").asText().isBlank());
        JsonNode build = figures.get("build");
        assertTrue(build.get("build_seconds").asDouble() > 0);
        assertTrue(build.get("merge_seconds").asDouble() > 0);
        assertTrue(build.get("segments_before_merge").asInt() >= 1);
        assertEquals(build.get("index_bytes").asDouble() / VECTORS, build.get("bytes_per_vector").asDouble(), 1e-9);
        // At least the raw floats of every vector.
        assertTrue(build.get("index_bytes").asLong() > 4L * CliFixtures.TINY.embeddingSize() * VECTORS);
    }

    @Test
    void tableHasARowPerKindAndTheRatio() {
        List<String> lines = bench.outLines();
        for (SearchKind kind : SearchKind.values()) {
            assertTrue(lines.stream().anyMatch(l -> l.startsWith(kind.label() + " ")),
                    kind.label() + "\n" + bench.out());
        }
        assertTrue(bench.out().contains("p50 of " + SearchKind.LOOKALIKE_FILTER_1_RERANK.label()), bench.out());
    }

    @Test
    void indexDirKeepsTheForceMergedIndexAndRefusesAFolderInUse(@TempDir Path dir) throws IOException {
        Path index = dir.resolve("idx");
        CliFixtures.Run kept = bench("--vectors", "300", "--queries", "3", "--warmup", "0",
                "--index-dir", index.toString(), "--m", "8", "--beam-width", "20", "--quantize", "int8");
        assertEquals(0, kept.code(), kept.err());
        try (Directory directory = FSDirectory.open(index); DirectoryReader reader = DirectoryReader.open(directory)) {
            assertEquals(1, reader.leaves().size());
            assertEquals(300, reader.numDocs());
        }
        CliFixtures.assertBad(bench("--vectors", "300", "--queries", "3", "--index-dir", index.toString()),
                "--index-dir");
        // The same corpus and index options search the kept index again, without building it.
        CliFixtures.Run reused = bench("--vectors", "300", "--queries", "3", "--warmup", "0", "--no-compare-unsorted",
                "--index-dir", index.toString(), "--m", "8", "--beam-width", "20", "--quantize", "int8",
                "--reuse-index");
        assertEquals(0, reused.code(), reused.err());
        assertTrue(reused.err().contains("searching the index already built"), reused.err());
        assertFalse(reused.err().contains("indexing 300 items"), reused.err());
        CliFixtures.assertBad(bench("--vectors", "300", "--reuse-index"), "--reuse-index needs --index-dir");
        // Another corpus is refused, saying what the index was built from.
        CliFixtures.assertBad(bench("--vectors", "300", "--queries", "3", "--noise", "0.5", "--no-compare-unsorted",
                "--index-dir", index.toString(), "--m", "8", "--beam-width", "20", "--quantize", "int8",
                "--reuse-index"), "--reuse-index");
    }

    @Test
    void badOptionsAreRefusedNamingTheOption() {
        for (String[] args : List.of(new String[] {"--vectors", "0"}, new String[] {"--queries", "0"},
                new String[] {"--vectors", "100", "--k", "101"}, new String[] {"--quantize", "int4"},
                new String[] {"--k", "20", "--candidates", "19"}, new String[] {"--warmup", "-1"},
                new String[] {"--noise", "NaN"}, new String[] {"--m", "1"}, new String[] {"--source-images", "0"},
                new String[] {"--kinds", "lookalike-filter-2"}, new String[] {"--sweep-candidates", "5"},
                new String[] {"--plot", "x.png"}, new String[] {"--strategy", "fastest"},
                new String[] {"--profile-seconds", "-1"})) {
            CliFixtures.Run refused = bench(args);
            CliFixtures.assertBad(refused, args[args.length - 2]);
            assertTrue(refused.out().isEmpty(), Arrays.toString(args) + ": " + refused.out());
        }
    }

    @Test
    void kindsAndTheCandidateSweepRunOnlyWhatWasAskedAndDrawTheCurve(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("sweep.json");
        Path png = dir.resolve("curve.png");
        CliFixtures.Run run = bench("--vectors", "500", "--queries", "20", "--warmup", "5", "--no-compare-unsorted",
                "--kinds", "lookalike,lucene-acorn-other-category", "--sweep-candidates", "10,40",
                "--plot", png.toString(), "--profile-seconds", "1", "--json", json.toString());
        assertEquals(0, run.code(), run.err());
        JsonNode result = new ObjectMapper().readTree(json.toFile());
        List<String> kinds = new ArrayList<>();
        result.get("kinds").forEach(kind -> kinds.add(kind.get("kind").asText()));
        assertEquals(List.of(SearchKind.LOOKALIKE.label(), SearchKind.LUCENE_ACORN_OTHER_CATEGORY.label()), kinds);
        List<String> points = new ArrayList<>();
        result.get("candidate_sweep").forEach(p -> points.add(p.get("candidates").asInt() + " "
                + p.get("kind").get("kind").asText()));
        assertEquals(List.of("10 lucene knn", "10 lookalike", "40 lucene knn", "40 lookalike"), points);
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
        assertEquals(900, image.getWidth());
        assertTrue(run.out().contains("recall against latency"), run.out());
        // Each kind profiled alone: its samples fall in phases whose shares add up to one, and bare Lucene's
        // never in Lookalike's own phases.
        JsonNode profile = result.get("profile");
        assertEquals(2, profile.size());
        for (JsonNode kind : profile) {
            assertTrue(kind.get("samples").asInt() > 20, kind.toString());
            double sum = 0;
            for (JsonNode share : kind.get("shares")) {
                sum += share.asDouble();
            }
            assertEquals(1, sum, 1e-9, kind.toString());
        }
        assertEquals(SearchKind.LOOKALIKE.label(), profile.get(0).get("kind").asText());
        JsonNode lucene = profile.get(1).get("shares");
        assertEquals(0, lucene.get("CANDIDATES").asDouble() + lucene.get("PROXIES").asDouble(), profile.toString());
        assertTrue(run.out().contains("where the time goes"), run.out());
    }
}
