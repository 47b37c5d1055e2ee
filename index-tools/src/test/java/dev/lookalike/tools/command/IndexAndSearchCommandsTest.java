package dev.lookalike.tools.command;

import static dev.lookalike.tools.CliFixtures.ITEMS;
import static dev.lookalike.tools.CliFixtures.assertBad;
import static dev.lookalike.tools.CliFixtures.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookalike.analyzer.model.ModelBundle;
import dev.lookalike.search.query.SimilarityQuery;
import dev.lookalike.tools.CliFixtures;
import dev.lookalike.tools.report.SearchResultsPage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalogue → index → search round trip, in process, on a 40-image catalogue of four shapes and a tiny
 * random model. The shared index is built once; tests that change an index build their own.
 */
class IndexAndSearchCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path shared;

    static CliFixtures.IndexedShapes fixture;
    static Path catalogue;
    static Path model;
    static Path index;

    @BeforeAll
    static void buildCatalogueAndIndex() throws IOException {
        fixture = CliFixtures.indexedShapes(shared);
        catalogue = fixture.catalogue();
        model = fixture.model();
        index = fixture.index();
    }

    private static CliFixtures.Run index(Path catalogueFile, Path indexDir, String... more) {
        return fixture.index(catalogueFile, indexDir, more);
    }

    private static CliFixtures.Run search(String... more) {
        List<String> args = new ArrayList<>(List.of("search", "--index", index.toString()));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    private static List<JsonNode> jsonLines(CliFixtures.Run run) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : run.outLines()) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    @Test
    void catalogueWritesOneLinePerImageWithARelativePngAndItsCategory() throws IOException {
        List<String> lines = Files.readAllLines(catalogue, StandardCharsets.UTF_8);
        assertEquals(ITEMS, lines.size());
        Set<String> ids = new HashSet<>();
        for (String line : lines) {
            JsonNode item = JSON.readTree(line);
            ids.add(item.get("id").asText());
            Path image = catalogue.getParent().resolve(item.get("image").asText());
            assertTrue(Files.isRegularFile(image), "image of " + line);
            assertTrue(item.get("image").asText().startsWith("images/"), line);
            assertTrue(CliFixtures.SHAPES.contains(item.get("category").asText()), line);
            assertTrue(item.get("title").asText().startsWith(item.get("category").asText() + " #"), line);
        }
        assertEquals(ITEMS, ids.size(), "ids are unique");
        JsonNode first = JSON.readTree(lines.get(0));
        assertEquals("item-00000", first.get("id").asText());
        assertEquals("circle", first.get("category").asText());
    }

    @Test
    void searchByIdReturnsKResultsWithoutTheQueryItem() throws IOException {
        CliFixtures.Run found = search("--id", "item-00003", "--k", "7", "--json");
        assertEquals(0, found.code(), found.err());
        JsonNode results = jsonLines(found).get(0).get("results");
        assertEquals(7, results.size());
        for (JsonNode hit : results) {
            assertFalse(hit.get("id").asText().equals("item-00003"), "the query item is left out");
        }
        for (int i = 1; i < results.size(); i++) {
            assertTrue(results.get(i - 1).get("score").asDouble() >= results.get(i).get("score").asDouble(),
                    "best first");
        }
    }

    @Test
    void categoryFilterReturnsOnlyThatCategoryEvenWhenItIsNotTheNearest() throws IOException {
        CliFixtures.Run found = search("--id", "item-00000", "--category", "stripe", "--k", "10", "--json");
        assertEquals(0, found.code(), found.err());
        JsonNode results = jsonLines(found).get(0).get("results");
        assertEquals(CliFixtures.PER_SHAPE, results.size(), "all ten stripes pass the filter");
        results.forEach(hit -> assertEquals("stripe", hit.get("category").asText()));
    }

    @Test
    void fieldFiltersAndLuceneQueryFiltersKeepOnlyWhatTheyMatch() throws IOException {
        CliFixtures.Run terms = search("--id", "item-00000", "--filter", "category=stripe,cross", "--k", "40", "--json");
        assertEquals(0, terms.code(), terms.err());
        JsonNode byTerms = jsonLines(terms).get(0).get("results");
        assertEquals(2 * CliFixtures.PER_SHAPE, byTerms.size());
        byTerms.forEach(hit -> assertTrue(Set.of("stripe", "cross").contains(hit.get("category").asText()), hit.toString()));

        CliFixtures.Run query = search("--id", "item-00000", "--filter-query",
                "category:(stripe OR cross) AND NOT id:item-00011", "--k", "40", "--json");
        assertEquals(0, query.code(), query.err());
        JsonNode byQuery = jsonLines(query).get(0).get("results");
        Set<String> ids = new HashSet<>();
        byQuery.forEach(hit -> ids.add(hit.get("id").asText()));
        Set<String> expected = new HashSet<>();
        byTerms.forEach(hit -> expected.add(hit.get("id").asText()));
        expected.remove("item-00011");
        assertEquals(expected, ids, "the query keeps the same items but the one it excludes");

        assertBad(search("--id", "item-00000", "--filter-query", "category:(stripe"), "--filter-query");
        assertBad(search("--id", "item-00000", "--filter", "category"), "--filter");
    }

    @Test
    void severalCategoriesAndATextFilterCombine() throws IOException {
        CliFixtures.Run found = search("--id", "item-00000", "--category", "cross", "square", "--filter-text", "square",
                "--k", "40", "--json");
        assertEquals(0, found.code(), found.err());
        JsonNode results = jsonLines(found).get(0).get("results");
        assertEquals(CliFixtures.PER_SHAPE, results.size(), "the categories admit crosses and squares, the text squares");
        results.forEach(hit -> assertEquals("square", hit.get("category").asText()));
    }

    @Test
    void imageListRunsOneQueryPerListedImageInOrder() throws IOException {
        Path list = catalogue.getParent().resolve("queries.txt");
        Files.writeString(list, "# two queries\nimages/item-00011.png\n\nimages/item-00038.png\n");
        CliFixtures.Run found = search("--image-list", list.toString(), "--model", model.toString(), "--k", "2",
                "--json");
        assertEquals(0, found.code(), found.err());
        List<JsonNode> lines = jsonLines(found);
        assertEquals(2, lines.size());
        assertTrue(lines.get(0).get("query").get("image").asText().endsWith("item-00011.png"));
        assertTrue(lines.get(1).get("query").get("image").asText().endsWith("item-00038.png"));

        Files.writeString(list, "images/item-00011.png\nimages/nope.png\n");
        assertBad(search("--image-list", list.toString(), "--model", model.toString()), "line 2");
    }

    @Test
    void jsonPrintsOneLinePerQueryInOrderWithTheDocumentedKeys() throws IOException {
        CliFixtures.Run found = search("--id", "item-00012", "--id", "item-00031", "--vector", CliFixtures.ones(16),
                "--k", "3", "--rerank", "--text", "square", "--json");
        assertEquals(0, found.code(), found.err());
        List<JsonNode> lines = jsonLines(found);
        assertEquals(3, lines.size());
        assertEquals("item-00012", lines.get(0).get("query").get("id").asText());
        assertEquals("item-00031", lines.get(1).get("query").get("id").asText());
        assertEquals(16, lines.get(2).get("query").get("vector").size());
        for (JsonNode line : lines) {
            JsonNode predicted = line.get("predicted_category");
            assertTrue(CliFixtures.SHAPES.contains(predicted.get("name").asText()), line.toString());
            double p = predicted.get("probability").asDouble();
            assertTrue(p > 0 && p <= 1, line.toString());
            assertEquals(3, line.get("results").size());
            for (JsonNode hit : line.get("results")) {
                for (String key : List.of("id", "score", "category", "title", "similarity", "proxy", "text")) {
                    assertTrue(hit.has(key), key + " in " + hit);
                }
                assertTrue(hit.get("proxy").isNumber(), "re-ranking fills proxy: " + hit);
                assertTrue(hit.get("text").isNumber(), "--text fills text: " + hit);
            }
        }
    }

    @Test
    void imageQueryFindsThatImageFirstWithTheIndexModel() throws IOException {
        Path image = catalogue.getParent().resolve("images").resolve("item-00025.png");
        CliFixtures.Run found = search("--image", image.toString(), "--model", model.toString(), "--k", "3", "--json");
        assertEquals(0, found.code(), found.err());
        JsonNode top = jsonLines(found).get(0).get("results").get(0);
        assertEquals("item-00025", top.get("id").asText(), "the same image embeds to the same vector");
        assertEquals(1.0, top.get("similarity").asDouble(), 1e-4);
        assertEquals(image.toString(), jsonLines(found).get(0).get("query").get("image").asText());
    }

    @Test
    void defaultOutputIsATablePerQuery() {
        CliFixtures.Run found = search("--id", "item-00001", "--id", "item-00002", "--k", "4");
        assertEquals(0, found.code(), found.err());
        assertEquals(2, found.out().lines().filter(l -> l.startsWith("query: item ")).count(), found.out());
        assertEquals(2 * (1 + 1 + 4), found.outLines().size(), "heading, column names and k rows per query");
    }

    @Test
    void htmlPageShowsEachQueryImageBesideItsResultImages(@TempDir Path out) throws IOException {
        Path page = out.resolve("results.html");
        CliFixtures.Run found = search("--id", "item-00005", "--k", "5", "--html", page.toString());
        assertEquals(0, found.code(), found.err());
        String html = Files.readString(page);
        assertEquals(1 + 5, html.split("data:image/png;base64,", -1).length - 1, "query tile and five result tiles");
        assertTrue(html.contains("item item-00005"), "the row names the query");
        assertFalse(html.contains(SearchResultsPage.MISSING),
                "every result image was found through the catalogue folder stored in the index");
    }

    @Test
    void htmlPageMarksResultImagesThatCannotBeFound(@TempDir Path dir) throws IOException {
        Path moved = dir.resolve("cat");
        Files.createDirectories(moved.resolve("images"));
        Files.copy(catalogue, moved.resolve(CatalogueCommand.CATALOGUE_FILE));
        Files.copy(catalogue.getParent().resolve("images/item-00001.png"), moved.resolve("images/item-00001.png"));
        Path idx = dir.resolve("idx");
        assertEquals(1, index(moved.resolve(CatalogueCommand.CATALOGUE_FILE), idx).code(), "39 images are missing");
        Files.delete(moved.resolve("images/item-00001.png"));
        Path page = dir.resolve("page.html");
        Path query = catalogue.getParent().resolve("images/item-00002.png");
        CliFixtures.Run found = run("search", "--index", idx.toString(), "--image", query.toString(),
                "--model", model.toString(), "--k", "1", "--html", page.toString());
        assertEquals(0, found.code(), found.err());
        String html = Files.readString(page);
        assertEquals(1, html.split(SearchResultsPage.MISSING, -1).length - 1,
                "the deleted result image is marked, the query image is not");
    }

    @Test
    void badQueryInputExitsTwoNamingTheOption() {
        assertBad(search("--vector", CliFixtures.ones(15)), "--vector");
        assertBad(search("--vector", "NaN," + CliFixtures.ones(15)), "--vector");
        assertBad(search("--vector", "1,x"), "--vector");
        assertBad(search("--id", "item-00001", "--k", "0"), "--k");
        assertBad(search("--id", "item-00001", "--k", "10001"), "--k");
        assertBad(search("--id", "no-such-item"), "no-such-item");
        assertBad(search("--image", shared.resolve("missing.png").toString()), "missing.png");
        assertBad(search("--id", "item-00001", "--rerank-weight", "0.5"), "--rerank");
        assertBad(run("search", "--index", shared.resolve("no-index").toString(), "--id", "x"), "no-index");
    }

    @Test
    void indexSkipsABadLineAndAMissingImageNamesThemExitsOneAndIndexesTheRest(@TempDir Path dir) throws IOException {
        Path broken = catalogue.getParent().resolve("broken.jsonl");
        List<String> lines = new ArrayList<>(Files.readAllLines(catalogue, StandardCharsets.UTF_8));
        lines.add("{\"id\": \"cut-off\", \"image\": ");
        lines.add("{\"id\": \"ghost\", \"image\": \"images/ghost.png\", \"category\": \"circle\"}");
        Files.write(broken, lines, StandardCharsets.UTF_8);

        CliFixtures.Run indexed = index(broken, dir.resolve("idx"));
        assertEquals(1, indexed.code(), indexed.err());
        assertTrue(indexed.err().contains("line " + (ITEMS + 1)), indexed.err());
        assertTrue(indexed.err().contains("ghost"), indexed.err());
        assertEquals(ITEMS, CliFixtures.liveItems(dir.resolve("idx")));
    }

    @Test
    void reindexingTheSameCatalogueReplacesItemsById(@TempDir Path dir) throws IOException {
        Path idx = dir.resolve("idx");
        assertEquals(0, index(catalogue, idx, "--commit-every", "7").code());
        CliFixtures.Run again = index(catalogue, idx);
        assertEquals(0, again.code(), again.err());
        assertEquals(ITEMS, CliFixtures.liveItems(idx));
    }

    @Test
    void deleteRemovesTheItemSoThatItIsNeitherFoundNorAQuery(@TempDir Path dir) throws IOException {
        Path idx = dir.resolve("idx");
        assertEquals(0, index(catalogue, idx).code());
        CliFixtures.Run deleted = run("index", "--index", idx.toString(), "--delete", "item-00004", "item-00007");
        assertEquals(0, deleted.code(), deleted.err());
        assertEquals(ITEMS - 2, CliFixtures.liveItems(idx));

        CliFixtures.Run all = run("search", "--index", idx.toString(), "--id", "item-00005", "--k", "100",
                "--json");
        assertEquals(0, all.code(), all.err());
        JsonNode results = JSON.readTree(all.outLines().get(0)).get("results");
        assertEquals(ITEMS - 3, results.size(), "every live item but the query");
        results.forEach(hit -> assertFalse(Set.of("item-00004", "item-00007").contains(hit.get("id").asText())));
        assertBad(run("search", "--index", idx.toString(), "--id", "item-00004"), "item-00004");

        CliFixtures.Run missing = run("index", "--index", idx.toString(), "--delete", "item-00004");
        assertEquals(1, missing.code(), "deleting an id that is not there is reported");
        assertTrue(missing.err().contains("item-00004"), missing.err());
    }

    @Test
    void opensearchBulkWritesAnActionAndADocumentPerItem(@TempDir Path dir) throws IOException {
        Path bulk = dir.resolve("bulk.ndjson");
        CliFixtures.Run written = index(catalogue, Path.of("products"), "--format", "opensearch-bulk",
                "--out", bulk.toString());
        assertEquals(0, written.code(), written.err());
        List<String> lines = Files.readAllLines(bulk, StandardCharsets.UTF_8);
        assertEquals(2 * ITEMS, lines.size());
        JsonNode action = JSON.readTree(lines.get(0)).get("index");
        assertEquals("products", action.get("_index").asText());
        assertEquals("item-00000", action.get("_id").asText());
        JsonNode doc = JSON.readTree(lines.get(1));
        assertEquals(16, doc.get("embedding").size());
        assertEquals("circle", doc.get("category").asText());
        assertNotNull(doc.get("title"));
        assertFalse(Files.exists(Path.of("products")), "no Lucene index is written in bulk mode");
    }

    @Test
    void solrFormatWritesOneJsonArrayOfDocumentsWithTheirVectors(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("products.json");
        CliFixtures.Run written = index(catalogue, Path.of("products"), "--format", "solr", "--out", file.toString());
        assertEquals(0, written.code(), written.err());
        JsonNode docs = JSON.readTree(file.toFile());
        assertTrue(docs.isArray());
        assertEquals(ITEMS, docs.size());
        JsonNode doc = docs.get(0);
        assertEquals("item-00000", doc.get("id").asText());
        assertEquals(16, doc.get("embedding").size());
        double norm = 0;
        for (JsonNode x : doc.get("embedding")) {
            norm += x.asDouble() * x.asDouble();
        }
        assertEquals(1.0, norm, 1e-4, "vectors are unit length, as dot_product fields need");
        assertEquals("circle", doc.get("category").asText());
        assertTrue(written.out().contains("products"), written.out());
        assertFalse(Files.exists(Path.of("products")), "no Lucene index is written for Solr");
        try (var left = Files.list(dir)) {
            assertEquals(List.of(file), left.toList(), "no temporary file is left beside it");
        }
    }

    @Test
    void indexOptionsThatContradictEachOtherExitTwo(@TempDir Path dir) {
        assertBad(index(catalogue, dir.resolve("a"), "--format", "opensearch-bulk"), "--out");
        assertBad(index(catalogue, dir.resolve("a"), "--format", "solr"), "--out");
        assertBad(index(catalogue, dir.resolve("a"), "--format", "elastic", "--out", "x"), "elastic");
        assertBad(index(catalogue, dir.resolve("b"), "--quantize", "int4"), "--quantize");
        assertBad(index(catalogue, dir.resolve("c"), "--m", "1"), "--m");
        assertBad(run("index", "--index", dir.resolve("d").toString()), "--catalogue");
    }

    @Test
    void settingsGivenForAnExistingIndexMustBeItsOwn(@TempDir Path dir) {
        Path idx = dir.resolve("idx");
        assertEquals(0, index(catalogue, idx, "--m", "8").code());
        assertBad(index(catalogue, idx, "--m", "32"), "--m");
        assertBad(index(catalogue, idx, "--quantize", "int8"), "--quantize");
        CliFixtures.Run same = index(catalogue, idx, "--m", "8");
        assertEquals(0, same.code(), "repeating the index's own settings is fine: " + same.err());
        assertEquals(0, index(catalogue, idx).code(), "leaving them out is fine");
    }

    @Test
    void anotherVersionOfTheIndexModelIsRefusedForIndexingAndImageQueries(@TempDir Path dir) throws IOException {
        Path retrained = CliFixtures.tinyBundle(dir.resolve("retrained"), 8);
        Path idx = dir.resolve("idx");
        assertEquals(0, index(catalogue, idx).code());
        assertIndexingRefused(idx, retrained, "another version");
        Path image;
        try (var files = Files.walk(catalogue.getParent())) {
            image = files.filter(p -> p.toString().endsWith(".png")).findFirst().orElseThrow();
        }
        assertBad(run("search", "--index", idx.toString(), "--model", retrained.toString(), "--image",
                image.toString()), "another version");
    }

    @Test
    void theSameModelWithOtherProxyAnchoringIsRefusedForIndexing(@TempDir Path dir) throws IOException {
        Path anchored = dir.resolve("anchored");
        ModelBundle.load(CliFixtures.tinyBundle(dir.resolve("tiny"))).withProxyAnchor(0.5f).save(anchored);
        Path idx = dir.resolve("idx");
        assertEquals(0, index(catalogue, idx).code());
        assertIndexingRefused(idx, anchored, "proxy anchoring differs");
        Path anchoredIdx = dir.resolve("anchored-idx");
        CliFixtures.Run fresh = run("index", "--catalogue", catalogue.toString(), "--index", anchoredIdx.toString(),
                "--model", anchored.toString());
        assertEquals(0, fresh.code(), fresh.err());
        assertIndexingRefused(anchoredIdx, dir.resolve("tiny"), "proxy anchoring differs");
    }

    /** Indexing the catalogue into {@code idx} with {@code model} fails naming {@code why} and writes nothing. */
    private static void assertIndexingRefused(Path idx, Path model, String why) throws IOException {
        int before = CliFixtures.liveItems(idx);
        assertBad(run("index", "--catalogue", catalogue.toString(), "--index", idx.toString(),
                "--model", model.toString()), why);
        assertEquals(before, CliFixtures.liveItems(idx), "nothing was written");
    }

    @Test
    void evalProxyAnchorOverrideIsMeasuredAndNamedAndBadWeightsAreRefused() throws IOException {
        Path shapes = shared.resolve("shapes");
        Path report = shared.resolve("anchored-eval.json");
        CliFixtures.Run anchored = run("eval", "--dataset", shapes.toString(), "--model", model.toString(),
                "--proxy-anchor", "0.5", "--json", report.toString());
        assertEquals(0, anchored.code(), anchored.err());
        assertTrue(anchored.out().contains("proxy anchor 0.5"), anchored.out());
        assertTrue(new ObjectMapper().readTree(report.toFile()).get("model").asText().contains("proxy anchor 0.5"));
        for (String bad : List.of("1", "-0.5", "NaN")) {
            assertBad(run("eval", "--dataset", shapes.toString(), "--model", model.toString(), "--proxy-anchor", bad),
                    "--proxy-anchor");
        }
    }

    @Test
    void evalThroughTheIndexMatchesExactEvaluationOfTheSameImages() throws IOException {
        Path report = shared.resolve("index-eval.json");
        CliFixtures.Run viaIndex = run("eval", "--index", index.toString(), "--json", report.toString());
        assertEquals(0, viaIndex.code(), viaIndex.err());
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        assertEquals(ITEMS, json.get("queries").asInt(), "every item queries the others");
        assertEquals(1.0, json.get("hnsw_recall@10").asDouble(), 1e-9, "a 40-item graph is searched exhaustively");
        for (String part : List.of("plain", "reranked")) {
            for (String key : List.of("recall@1", "recall@2", "recall@4", "recall@8", "map@r", "mrr")) {
                assertTrue(json.get(part).hasNonNull(key), part + " lacks " + key + ": " + json);
            }
        }
        Path exact = shared.resolve("exact-eval.json");
        CliFixtures.Run direct = run("eval", "--dataset", shared.resolve("shapes").toString(), "--model", model.toString(),
                "--json", exact.toString());
        assertEquals(0, direct.code(), direct.err());
        JsonNode metrics = new ObjectMapper().readTree(exact.toFile()).get("metrics");
        // The catalogue holds 8-bit grey re-encodings of the images, so near ties may fall either way: allow
        // two of the forty queries to differ, which still catches a query finding itself or a wrong gallery.
        assertEquals(metrics.get("recall@1").asDouble(), json.get("plain").get("recall@1").asDouble(), 0.051);
        assertEquals(metrics.get("map@r").asDouble(), json.get("plain").get("map@r").asDouble(), 0.05);
        // Per category, in name order, the queries adding up to all of them and their MAP@R to the whole.
        List<String> classes = new ArrayList<>();
        int queries = 0;
        double mapAtR = 0;
        for (JsonNode row : json.get("per_class")) {
            classes.add(row.get("class").asText());
            queries += row.get("queries").asInt();
            mapAtR += row.get("plain_map@r").asDouble() * row.get("queries").asInt();
            assertTrue(viaIndex.out().contains(row.get("class").asText()), viaIndex.out());
        }
        assertEquals(CliFixtures.SHAPES, classes);
        assertEquals(ITEMS, queries);
        assertEquals(json.get("plain").get("map@r").asDouble(), mapAtR / queries, 1e-9);
    }

    @Test
    void rerankWeightSweepReportsEachWeightAndWeightZeroRanksAsPlain() throws IOException {
        Path report = shared.resolve("sweep.json");
        CliFixtures.Run swept = run("eval", "--index", index.toString(), "--rerank-weight", "0.7,0,1",
                "--json", report.toString());
        assertEquals(0, swept.code(), swept.err());
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        JsonNode sweep = json.get("rerank_sweep");
        assertEquals(3, sweep.size());
        assertEquals(0.7, sweep.get(0).get("rerank_weight").asDouble(), 1e-6);
        assertEquals(json.get("reranked"), withoutWeight(sweep.get(0)), "the first weight is the re-ranked run");
        for (String key : List.of("recall@1", "map@r", "mrr")) {
            assertEquals(json.get("plain").get(key).asDouble(), sweep.get(1).get(key).asDouble(), 1e-9,
                    "weight 0 keeps the similarity order: " + key);
        }
        assertTrue(swept.out().contains("sweep"), swept.out());
        assertEquals(SimilarityQuery.DEFAULT_RERANK_TEMPERATURE, (float) json.get("rerank_temperature").asDouble(), 1e-6f,
                "the search default temperature");

        Path warmer = shared.resolve("warmer.json");
        assertEquals(0, run("eval", "--index", index.toString(), "--rerank-weight", "0", "--rerank-temperature", "2",
                "--json", warmer.toString()).code());
        assertEquals(2.0, new ObjectMapper().readTree(warmer.toFile()).get("rerank_temperature").asDouble(), 1e-9);
        assertBad(run("eval", "--index", index.toString(), "--rerank-temperature", "0"), "--rerank-temperature");
        assertBad(search("--id", "item-00001", "--rerank-temperature", "0.5"), "--rerank");
        assertBad(search("--id", "item-00001", "--rerank", "--rerank-temperature", "-1"), "--rerank-temperature");
        assertBad(run("eval", "--index", index.toString(), "--rerank-weight", "0.5,1.5"), "--rerank-weight");
    }

    private static JsonNode withoutWeight(JsonNode row) {
        com.fasterxml.jackson.databind.node.ObjectNode copy = row.deepCopy();
        copy.remove("rerank_weight");
        return copy;
    }
}
