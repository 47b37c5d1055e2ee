package dev.lookalike.e2e.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookalike.analyzer.dataset.FashionMnist;
import dev.lookalike.e2e.CoreOracle;
import dev.lookalike.e2e.HostileImageServer;
import dev.lookalike.e2e.LookalikeCli;
import dev.lookalike.e2e.TestImages;
import dev.lookalike.search.index.IndexedItem;
import dev.lookalike.search.query.QueryVector;
import dev.lookalike.search.query.SearchFilter;
import dev.lookalike.search.query.SearchHit;
import dev.lookalike.search.query.SearchResults;
import dev.lookalike.search.query.SimilarityQuery;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The Solr plug-in installed from its zip into a real Solr 10 node, as a user installs it, with the example
 * configset: Fashion-MNIST test images indexed through the update chain (embedded on the node, in batches), then
 * {@code {!image_knn}} by image, by vector and by {@code like}, with a category {@code fq}, a text {@code fq} and
 * re-ranking, each checked against the search core run in-process on the very vectors Solr holds; the request
 * handlers; and bad input, each answered with a 400 that names what was wrong while nothing indexed is lost.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SolrPluginTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CORE = "catalogue";
    /** The same catalogue in a core sorted by category. */
    private static final String SORTED_CORE = "catalogue_sorted";
    private static final String SORTED_CONFIGSET = "lookalike-sorted";
    private static final int ITEMS = 240;
    /** Query images: test images after the indexed ones. */
    private static final int QUERY_IMAGE = 5000;

    private FashionMnist test;
    private Path fileRoot;
    private Path configSets;
    private SolrNode node;
    private CoreOracle core;
    private HostileImageServer hostile;

    @BeforeAll
    void startNodeAndIndexCatalogue() throws Exception {
        test = FashionMnist.load("test");
        fileRoot = Files.createTempDirectory("lookalike-solr-files-");
        Files.write(fileRoot.resolve("shoe.png"), TestImages.fashionPng(test, QUERY_IMAGE));
        configSets = Files.createTempDirectory("lookalike-solr-configsets-");
        node = SolrNode.start(List.of(pluginZip()), List.of(withFileAndUrlChains(pluginConfigSet(), configSets),
                sortedByCategory(pluginConfigSet(), configSets)),
                Map.of("lookalike.ingest.file_root", fileRoot.toString(),
                        "lookalike.ingest.url_allow_list", "images.example.com,127.0.0.1",
                        "lookalike.ingest.url_timeout", "2s"));
        hostile = new HostileImageServer();
        SolrResponse created = node.get("admin/cores", Map.of("action", "CREATE", "name", CORE,
                "configSet", "lookalike"));
        assertEquals(200, created.status(), () -> created + "\n" + node.logTail());
        ArrayNode docs = JSON.createArrayNode();
        for (int i = 0; i < ITEMS; i++) {
            docs.addObject().put("id", id(i)).put("category", category(i)).put("title", title(i))
                    .put("image", base64(i));
        }
        ok(node.post(CORE + "/update", Map.of("commit", "true"), docs.toString()));
        JsonNode refreshed = ok(node.get(CORE + "/lookalike/proxies", Map.of("action", "refresh", "field", "embedding",
                "categoryField", "category"))).body();
        assertTrue(refreshed.toString().contains("Ankle boot"), refreshed::toString);
        core = CoreOracle.of(indexedItems());
    }

    @AfterAll
    void stopNode() throws Exception {
        if (core != null) {
            core.close();
        }
        if (node != null) {
            node.close();
        }
        if (hostile != null) {
            hostile.close();
        }
        for (Path dir : new Path[] {fileRoot, configSets}) {
            if (dir != null) {
                try (var files = Files.walk(dir)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    /**
     * A copy of the example configset with two more update chains, {@code files} and {@code urls}, whose processor
     * reads the image from a file under the node's root or from a URL on its allow-list.
     */
    private static Path withFileAndUrlChains(Path example, Path into) throws Exception {
        StringBuilder chains = new StringBuilder();
        for (String source : List.of("file", "url")) {
            chains.append("<updateRequestProcessorChain name=\"").append(source).append("s\">")
                    .append("<processor class=\"solr.TolerantUpdateProcessorFactory\"><int name=\"maxErrors\">-1</int>")
                    .append("</processor>")
                    .append("<processor class=\"dev.lookalike.solr.update.ImageEmbeddingUpdateProcessorFactory\">")
                    .append("<str name=\"inputField\">image</str><str name=\"source\">").append(source).append("</str>")
                    .append("<str name=\"outputField\">embedding</str></processor>")
                    .append("<processor class=\"solr.DistributedUpdateProcessorFactory\"/>")
                    .append("<processor class=\"solr.RunUpdateProcessorFactory\"/></updateRequestProcessorChain>\n");
        }
        return ConfigSetCopy.of(example, into, example.getFileName().toString(), "solrconfig.xml",
                xml -> xml.replace("</config>", chains + "</config>"));
    }

    /**
     * A copy of the example configset, named {@value #SORTED_CONFIGSET}, whose index is sorted by category with the
     * merge policy docs/solr.md shows.
     */
    private static Path sortedByCategory(Path example, Path into) throws Exception {
        String sorting = """
                <indexConfig>
                  <mergePolicyFactory class="org.apache.solr.index.SortingMergePolicyFactory">
                    <str name="sort">category asc</str>
                    <str name="wrapped.prefix">inner</str>
                    <str name="inner.class">org.apache.solr.index.TieredMergePolicyFactory</str>
                  </mergePolicyFactory>
                </indexConfig>
                </config>""";
        return ConfigSetCopy.of(example, into, SORTED_CONFIGSET, "solrconfig.xml",
                xml -> xml.replace("</config>", sorting));
    }

    /** @return the plug-in zip the build made */
    static Path pluginZip() {
        return Path.of(System.getProperty("lookalike.solr.plugin"));
    }

    /** @return the plug-in's example configset, as users copy it */
    static Path pluginConfigSet() {
        return Path.of(System.getProperty("lookalike.solr.plugin.configset"));
    }

    private String id(int i) {
        return "item-" + i;
    }

    private String category(int i) {
        return test.classNames().get(test.label(i));
    }

    private String title(int i) {
        return (i % 3 == 0 ? "Striped " : "Plain ") + category(i) + " number " + i;
    }

    private String base64(int i) {
        return Base64.getEncoder().encodeToString(TestImages.fashionPng(test, i));
    }

    private static SolrResponse ok(SolrResponse response) {
        assertEquals(200, response.status(), response::toString);
        return response;
    }

    /** Every indexed document with the vector Solr holds, as the core indexes it. */
    private List<IndexedItem> indexedItems() throws Exception {
        JsonNode docs = ok(node.get(CORE + "/select", Map.of("q", "*:*", "rows", String.valueOf(ITEMS),
                "fl", "id,category,title,embedding"))).docs();
        List<IndexedItem> items = new ArrayList<>();
        for (JsonNode doc : docs) {
            items.add(new IndexedItem(doc.path("id").asText(), doc.path("category").asText(),
                    doc.path("title").asText(), null, null, Map.of(), CoreOracle.floats(doc.path("embedding"))));
        }
        assertEquals(ITEMS, items.size());
        return items;
    }

    /**
     * Runs a query through the JSON Request API.
     *
     * @param query   the {@code q}, e.g. {@code {!image_knn f=embedding topK=10 v=$img}}
     * @param rows    rows wanted
     * @param options more: {@code params} (for {@code $img}), {@code filter}
     * @return the answer, whatever its status
     */
    private SolrResponse select(String query, int rows, Consumer<ObjectNode> options) throws Exception {
        return select(CORE, query, rows, options);
    }

    private SolrResponse select(String coreName, String query, int rows, Consumer<ObjectNode> options)
            throws Exception {
        ObjectNode body = JSON.createObjectNode().put("query", query).put("limit", rows).put("fields", "id,score");
        options.accept(body);
        return node.post(coreName + "/select", Map.of(), body.toString());
    }

    private static String vector(float[] v) {
        return CoreOracle.array(v).toString();
    }

    private float[] embed(int image) throws Exception {
        return CoreOracle.floats(ok(node.get(CORE + "/lookalike/embed", Map.of("image", Base64.getEncoder()
                .encodeToString(TestImages.fashionPng(test, image))))).body().path("vector"));
    }

    private SearchResults coreSearch(QueryVector vector, int k, boolean rerank, SearchFilter filter) throws Exception {
        SimilarityQuery.Builder q = SimilarityQuery.builder(vector).k(k).numCandidates(ITEMS).rerank(rerank);
        if (filter != null) {
            q.filter(filter);
        }
        return core.search(q.build());
    }

    /** Solr's answer holds the core's hits, in order, with the core's score mapped to {@code (1 + s) / 2}. */
    private static void assertSameHits(SearchResults expected, SolrResponse actual) {
        List<String> expectedIds = expected.hits().stream().map(SearchHit::id).toList();
        List<String> actualIds = new ArrayList<>();
        actual.docs().forEach(d -> actualIds.add(d.path("id").asText()));
        assertEquals(expectedIds, actualIds, actual::toString);
        for (int i = 0; i < actualIds.size(); i++) {
            assertEquals((1 + expected.hits().get(i).score()) / 2, actual.docs().get(i).path("score").asDouble(), 1e-5,
                    "hit " + i);
        }
    }

    private long count() throws Exception {
        return ok(node.get(CORE + "/select", Map.of("q", "*:*", "rows", "0"))).body().path("response")
                .path("numFound").asLong();
    }

    @Test
    void updateChainWritesTheVectorAndThePredictedCategoryAndDropsTheImage() throws Exception {
        JsonNode doc = ok(node.get(CORE + "/get", Map.of("id", id(0)))).body().path("doc");
        assertEquals(64, doc.path("embedding").size(), doc::toString);
        double norm = 0;
        for (JsonNode x : doc.path("embedding")) {
            norm += x.asDouble() * x.asDouble();
        }
        assertEquals(1.0, norm, 1e-4);
        assertEquals(category(0), doc.path("predicted_category").asText(), "test image 0 is predicted right");
        assertTrue(doc.path("predicted_probability").asDouble() > 0.5, doc::toString);
        assertFalse(doc.has("image"), "the processor dropped the base64");
    }

    @Test
    void byVectorPlainFilteredAndRerankedEqualsTheCore() throws Exception {
        float[] query = embed(QUERY_IMAGE + 1);
        String knn = "{!image_knn f=embedding topK=10 numCandidates=" + ITEMS + "}" + vector(query);
        assertSameHits(coreSearch(QueryVector.of(query), 10, false, null), ok(select(knn, 10, b -> { })));
        String category = category(11);
        assertSameHits(coreSearch(QueryVector.of(query), 10, false, SearchFilter.categories(category)),
                ok(select(knn, 10, b -> b.putArray("filter").add("category:\"" + category + "\""))));
        String reranked = "{!image_knn f=embedding topK=10 numCandidates=" + ITEMS + " rerank=true}" + vector(query);
        assertSameHits(coreSearch(QueryVector.of(query), 10, true, null), ok(select(reranked, 10, b -> { })));
    }

    @Test
    void byImageThroughParameterDereferencingEqualsByItsVector() throws Exception {
        String image = Base64.getEncoder().encodeToString(TestImages.fashionPng(test, QUERY_IMAGE));
        SolrResponse byImage = ok(select("{!image_knn f=embedding topK=8 numCandidates=" + ITEMS + " v=$img}", 8,
                b -> b.putObject("params").put("img", image)));
        assertSameHits(coreSearch(QueryVector.of(embed(QUERY_IMAGE)), 8, false, null), byImage);
    }

    @Test
    void likeLeavesTheItemOutAndEqualsTheCoreWithATextFilter() throws Exception {
        SolrResponse like = ok(select("{!image_knn f=embedding topK=10 numCandidates=" + ITEMS + " like=" + id(7) + "}",
                10, b -> b.putArray("filter").add("title:striped")));
        SimilarityQuery.Builder q = SimilarityQuery.builder(QueryVector.ofItem(id(7))).k(10).numCandidates(ITEMS)
                .filter(SearchFilter.textMatch("striped"));
        assertSameHits(core.search(q.build()), like);
        like.docs().forEach(d -> assertNotEquals(id(7), d.path("id").asText()));
        like.docs().forEach(d -> assertTrue(title(Integer.parseInt(d.path("id").asText().substring(5)))
                .startsWith("Striped"), d::toString));
    }

    @Test
    void filtersAreTaggedIncludedAndExcludedAsForSolrsKnn() throws Exception {
        float[] query = embed(QUERY_IMAGE + 3);
        String category = category(4);
        String base = "{!image_knn f=embedding topK=10 numCandidates=" + ITEMS;
        SearchResults filtered = coreSearch(QueryVector.of(query), 10, false, SearchFilter.categories(category));
        SearchResults unfiltered = coreSearch(QueryVector.of(query), 10, false, null);
        String tagged = "{!tag=cat}category:\"" + category + "\"";
        // As q, every fq is a pre-filter; excludeTags takes the tagged one out of the walk (it still filters the
        // results afterwards), includeTags keeps only the named ones.
        assertSameHits(filtered, ok(select(base + "}" + vector(query), 10, b -> b.putArray("filter").add(tagged))));
        SolrResponse excluded = ok(select(base + " excludeTags=cat}" + vector(query), 10,
                b -> b.putArray("filter").add(tagged)));
        List<String> nearestOfCategory = unfiltered.hits().stream().map(SearchHit::id)
                .filter(id -> category(Integer.parseInt(id.substring(5))).equals(category)).toList();
        List<String> got = new ArrayList<>();
        excluded.docs().forEach(d -> got.add(d.path("id").asText()));
        assertEquals(nearestOfCategory, got, "post-filtered: only the category's items among the 10 nearest");
        SolrResponse included = ok(select(base + " includeTags=other}" + vector(query), 10,
                b -> b.putArray("filter").add(tagged)));
        assertEquals(got, ids(included), "a tag not included is no pre-filter either");
    }

    private static List<String> ids(SolrResponse answer) {
        List<String> ids = new ArrayList<>();
        answer.docs().forEach(d -> ids.add(d.path("id").asText()));
        return ids;
    }

    @Test
    void worksInsideBoolWithPagingFacetsAndHighlighting() throws Exception {
        float[] query = embed(QUERY_IMAGE + 2);
        String knn = "{!image_knn f=embedding topK=20 numCandidates=" + ITEMS + "}" + vector(query);
        SolrResponse first = ok(select(knn, 20, b -> { }));
        ObjectNode paged = JSON.createObjectNode().put("query", "{!bool must=$knn}").put("offset", 5).put("limit", 5)
                .put("fields", "id,score");
        paged.putObject("params").put("knn", knn).put("facet", "true").put("facet.field", "category")
                .put("hl", "true").put("hl.fl", "title").put("hl.q", "title:striped");
        SolrResponse page = ok(node.post(CORE + "/select", Map.of(), paged.toString()));
        List<String> all = new ArrayList<>();
        first.docs().forEach(d -> all.add(d.path("id").asText()));
        List<String> got = new ArrayList<>();
        page.docs().forEach(d -> got.add(d.path("id").asText()));
        assertEquals(all.subList(5, 10), got, page::toString);
        JsonNode facets = page.body().path("facet_counts").path("facet_fields").path("category");
        int counted = 0;
        for (int i = 1; i < facets.size(); i += 2) {
            counted += facets.get(i).asInt();
        }
        assertEquals(20, counted, "facets count the topK documents: " + facets);
        assertTrue(page.body().has("highlighting"), page::toString);
    }

    @Test
    void handlersEmbedAnImageAndDescribeTheModel() throws Exception {
        JsonNode embedded = ok(node.get(CORE + "/lookalike/embed", Map.of("image", base64(0)))).body();
        assertEquals(64, embedded.path("vector").size(), embedded::toString);
        assertEquals(category(0), embedded.path("predicted_category").path("name").asText(), embedded::toString);
        SolrResponse notAnImage = node.get(CORE + "/lookalike/embed", Map.of("image",
                Base64.getEncoder().encodeToString("just some text".getBytes(StandardCharsets.UTF_8))));
        assertEquals(400, notAnImage.status(), notAnImage::toString);
        assertTrue(notAnImage.errorMessage().contains("image"), notAnImage::toString);
        JsonNode model = ok(node.get(CORE + "/lookalike/model", Map.of())).body();
        assertTrue(model.toString().contains("fashion"), model::toString);
        // A second core shares the node's one model and inference pool: an embedding through it counts in the
        // first core's figures.
        ok(node.get("admin/cores", Map.of("action", "CREATE", "name", "second", "configSet", "lookalike")));
        try {
            JsonNode second = ok(node.get("second/lookalike/model", Map.of())).body().path("inference");
            assertEquals(model.path("inference").path("node_instance"), second.path("node_instance"));
            long before = second.path("accepted_tasks").asLong();
            ok(node.get("second/lookalike/embed", Map.of("image", base64(1))));
            long after = ok(node.get(CORE + "/lookalike/model", Map.of())).body().path("inference")
                    .path("accepted_tasks").asLong();
            assertTrue(after > before, "the embedding through core 'second' ran on the same pool: " + before
                    + " -> " + after);
        } finally {
            ok(node.get("admin/cores", Map.of("action", "UNLOAD", "core", "second", "deleteInstanceDir", "true")));
        }
    }

    @Test
    void statsCountTheWorkDoneAndSolrsMetricsListThem() throws Exception {
        JsonNode before = ok(node.get(CORE + "/lookalike/stats", Map.of())).body();
        float[] query = null;
        for (int i = 0; i < 3; i++) {
            query = embed(QUERY_IMAGE + 10 + i);
        }
        ok(select("{!image_knn f=embedding topK=5 numCandidates=" + ITEMS + " rerank=true}" + vector(query), 5,
                b -> { }));
        JsonNode after = ok(node.get(CORE + "/lookalike/stats", Map.of())).body();
        JsonNode images = after.path("images");
        assertEquals(before.path("images").path("embedded").asLong() + 3, images.path("embedded").asLong(),
                after::toString);
        assertEquals(before.path("images").path("batches").asLong() + 3, images.path("batches").asLong());
        assertEquals(images.path("batches").asLong(), images.path("inference_millis").path("count").asLong());
        assertTrue(images.path("decode_millis").path("count").asLong()
                >= before.path("images").path("decode_millis").path("count").asLong() + 3, after::toString);
        assertEquals(before.path("similarity_searches").asLong() + 1, after.path("similarity_searches").asLong());
        JsonNode proxies = after.path("catalogue_proxies");
        assertEquals(before.path("catalogue_proxies").path("hits").asLong() + 1, proxies.path("hits").asLong(),
                "the re-ranked query found the core's catalogue proxies: " + proxies);
        assertTrue(proxies.path("cached").asInt() >= 1, proxies::toString);
        for (String distribution : List.of("batch_size", "decode_millis", "inference_millis")) {
            JsonNode p = images.path(distribution);
            assertTrue(p.path("p50").asDouble() > 0, distribution + ": " + p);
            assertTrue(p.path("p50").asDouble() <= p.path("p90").asDouble()
                    && p.path("p90").asDouble() <= p.path("p99").asDouble()
                    && p.path("p99").asDouble() <= p.path("max").asDouble(), distribution + ": " + p);
        }
        assertTrue(after.path("model").path("loaded").asBoolean(), after::toString);
        assertTrue(after.path("model").path("loaded_at_millis").asLong() <= System.currentTimeMillis());
        assertTrue(after.path("inference_pool").path("completed").asLong()
                >= before.path("inference_pool").path("completed").asLong() + 3, after::toString);
        assertEquals(0, after.path("memory").path("in_flight_image_bytes").asLong(), "nothing in flight at rest");
        assertTrue(after.path("memory").path("max_in_flight_image_bytes").asLong() > 0, after::toString);

        // The same figures in the node's metrics, as Prometheus reads them.
        SolrResponse metrics = ok(node.get("admin/metrics", Map.of("wt", "prometheus")));
        Map<String, Double> lookalike = new LinkedHashMap<>();
        for (String line : metrics.text().split("\n")) {
            if (line.startsWith("lookalike_")) {
                lookalike.put(line.substring(0, line.lastIndexOf(' ')), Double.parseDouble(
                        line.substring(line.lastIndexOf(' ') + 1)));
            }
        }
        assertEquals(images.path("embedded").asDouble(),
                metric(lookalike, "lookalike_images_embedded_total", null), lookalike::toString);
        assertEquals(after.path("similarity_searches").asDouble(),
                metric(lookalike, "lookalike_similarity_searches_total", null), lookalike::toString);
        double p50 = metric(lookalike, "lookalike_inference_millis", "p50");
        assertTrue(p50 > 0 && p50 <= metric(lookalike, "lookalike_inference_millis", "p99"), lookalike::toString);
        for (String name : List.of("lookalike_image_decode_millis", "lookalike_image_batch_size",
                "lookalike_in_flight_image_bytes", "lookalike_inference_pool_queue",
                "lookalike_inference_pool_rejected_total", "lookalike_model_loaded_at_millis",
                "lookalike_catalogue_proxies_cached")) {
            assertTrue(lookalike.keySet().stream().anyMatch(k -> k.startsWith(name + "{")), name + " in " + lookalike);
        }
    }

    /**
     * @param series the Prometheus series by name and labels
     * @param name   a metric's name
     * @param stat   its {@code stat} label, or {@code null} for none
     * @return the value of the one series of that name and label (Solr adds labels of its own)
     */
    private static double metric(Map<String, Double> series, String name, String stat) {
        List<Double> values = series.entrySet().stream()
                .filter(e -> e.getKey().startsWith(name + "{") && (stat == null ? !e.getKey().contains("stat=")
                        : e.getKey().contains("stat=\"" + stat + "\"")))
                .map(Map.Entry::getValue).toList();
        assertEquals(1, values.size(), name + " " + stat + " in " + series);
        return values.getFirst();
    }

    @Test
    void aCoreSortedByCategoryAnswersAsTheUnsortedOneBeforeAndAfterAMerge() throws Exception {
        ok(node.get("admin/cores", Map.of("action", "CREATE", "name", SORTED_CORE, "configSet", SORTED_CONFIGSET)));
        try {
            // The catalogue with the vectors Solr holds, in four commits of every fourth item: four segments, each
            // with every category, written in id order, not in category order.
            JsonNode docs = ok(node.get(CORE + "/select", Map.of("q", "*:*", "rows", String.valueOf(ITEMS),
                    "fl", "id,category,title,embedding", "sort", "id asc"))).docs();
            for (int part = 0; part < 4; part++) {
                ArrayNode batch = JSON.createArrayNode();
                for (int i = part; i < docs.size(); i += 4) {
                    batch.add(docs.get(i));
                }
                ok(node.post(SORTED_CORE + "/update", Map.of("commit", "true"), batch.toString()));
            }
            ok(node.get(SORTED_CORE + "/lookalike/proxies", Map.of("action", "refresh", "field", "embedding",
                    "categoryField", "category")));
            List<String> sorts = segmentSorts(SORTED_CORE);
            assertTrue(sorts.size() >= 2, "several segments: " + sorts);
            sorts.forEach(sort -> assertTrue(sort.contains("category") && !sort.contains("!"), "sorted: " + sorts));
            segmentSorts(CORE).forEach(sort -> assertEquals("", sort, "the example core is not sorted"));
            assertSortedCoreAnswersAsTheCatalogue();

            ok(node.get(SORTED_CORE + "/update", Map.of("optimize", "true", "maxSegments", "1")));
            List<String> merged = segmentSorts(SORTED_CORE);
            assertEquals(1, merged.size(), merged::toString);
            assertTrue(merged.getFirst().contains("category"), merged::toString);
            List<String> inDocOrder = new ArrayList<>();
            ok(node.get(SORTED_CORE + "/select", Map.of("q", "*:*", "rows", String.valueOf(ITEMS), "fl", "category",
                    "sort", "_docid_ asc"))).docs().forEach(d -> inDocOrder.add(d.path("category").asText()));
            assertEquals(ITEMS, inDocOrder.size());
            assertEquals(inDocOrder.stream().sorted().toList(), inDocOrder, "the merged segment holds each category "
                    + "as one run");
            assertSortedCoreAnswersAsTheCatalogue();
        } finally {
            ok(node.get("admin/cores", Map.of("action", "UNLOAD", "core", SORTED_CORE, "deleteInstanceDir", "true")));
        }
    }

    /** Each segment's index sort as Lucene writes it ({@code <string: "category">}), or "" for none. */
    private List<String> segmentSorts(String coreName) throws Exception {
        JsonNode segments = ok(node.get(coreName + "/admin/segments", Map.of())).body().path("segments");
        List<String> sorts = new ArrayList<>();
        segments.forEach(segment -> sorts.add(segment.path("sort").asText("")));
        assertFalse(sorts.isEmpty(), () -> coreName + ": no segments listed");
        return sorts;
    }

    /**
     * Unfiltered, category-filtered and re-ranked answers of the sorted core: the core's and the unsorted one's. The
     * category {@code fq} comes plain, with {@code cache=false}, and beside a filter that is not a term (which goes
     * through Solr's filter cache while the category still reaches the core as its term query, answered from the
     * category's run on a sorted segment).
     */
    private void assertSortedCoreAnswersAsTheCatalogue() throws Exception {
        float[] query = embed(QUERY_IMAGE + 4);
        String category = category(5);
        List<List<String>> filters = new ArrayList<>();
        filters.add(List.of());
        filters.add(List.of("category:\"" + category + "\""));
        filters.add(List.of("{!cache=false}category:\"" + category + "\""));
        filters.add(List.of("id:" + id(0).substring(0, 2) + "*", "category:\"" + category + "\""));
        for (boolean rerank : new boolean[] {false, true}) {
            String knn = "{!image_knn f=embedding topK=10 numCandidates=" + ITEMS + (rerank ? " rerank=true" : "")
                    + "}" + vector(query);
            for (List<String> fq : filters) {
                Consumer<ObjectNode> filter = b -> {
                    ArrayNode all = b.putArray("filter");
                    fq.forEach(all::add);
                };
                SolrResponse sorted = ok(select(SORTED_CORE, knn, 10, filter));
                assertSameHits(coreSearch(QueryVector.of(query), 10, rerank,
                        fq.isEmpty() ? null : SearchFilter.categories(category)), sorted);
                assertEquals(ids(ok(select(knn, 10, filter))), ids(sorted), knn + " fq=" + fq);
            }
        }
    }

    @Test
    void aBadImageFailsItsOwnDocumentAndTheRestOfTheRequestIsIndexed() throws Exception {
        long before = count();
        ArrayNode docs = JSON.createArrayNode();
        docs.addObject().put("id", "good-1").put("category", "Bag").put("image", base64(20));
        docs.addObject().put("id", "bad-1").put("category", "Bag")
                .put("image", Base64.getEncoder().encodeToString("not an image".getBytes(StandardCharsets.UTF_8)));
        docs.addObject().put("id", "good-2").put("category", "Bag").put("image", base64(21));
        SolrResponse answer = node.post(CORE + "/update", Map.of("commit", "true"), docs.toString());
        assertEquals(200, answer.status(), answer::toString);
        JsonNode errors = answer.body().path("responseHeader").path("errors");
        assertEquals(1, errors.size(), answer::toString);
        assertEquals("bad-1", errors.get(0).path("id").asText(), answer::toString);
        assertTrue(errors.get(0).path("message").asText().contains("image"), answer::toString);
        assertEquals(before + 2, count());
        ok(node.post(CORE + "/update", Map.of("commit", "true"), "{\"delete\": {\"query\": \"id:good-*\"}}"));
        assertEquals(before, count());
    }

    @Test
    void badQueriesAre400sThatNameTheParameterAndLoseNothing() throws Exception {
        long before = count();
        String image = Base64.getEncoder().encodeToString(TestImages.fashionPng(test, QUERY_IMAGE));
        float[] sixtyFour = embed(QUERY_IMAGE);
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("{!image_knn f=nope topK=5}" + vector(sixtyFour), "nope");
        cases.put("{!image_knn f=title topK=5}" + vector(sixtyFour), "title");
        cases.put("{!image_knn f=embedding topK=5}[0.5,0.5,0.5]", "64");
        cases.put("{!image_knn f=embedding topK=5}" + vector(new float[64]), "zero");
        cases.put("{!image_knn f=embedding topK=5}" + vector(sixtyFour).replaceFirst("[-0-9.E]+", "NaN"), "NaN");
        cases.put("{!image_knn f=embedding topK=5}" + vector(sixtyFour).replaceFirst("[-0-9.E]+", "Infinity"),
                "Infinity");
        cases.put("{!image_knn f=embedding topK=5 like=" + id(1) + "}" + vector(sixtyFour), "like");
        cases.put("{!image_knn f=embedding topK=5}", "vector");
        cases.put("{!image_knn f=embedding topK=0 like=" + id(1) + "}", "topK");
        cases.put("{!image_knn f=embedding topK=10001 like=" + id(1) + "}", "topK");
        cases.put("{!image_knn f=embedding topK=5 like=no-such-item}", "no-such-item");
        cases.put("{!image_knn f=embedding topK=5 v=$img}", "image");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            SolrResponse answer = select(c.getKey(), 5, b -> b.putObject("params")
                    .put("img", Base64.getEncoder().encodeToString("no image".getBytes(StandardCharsets.UTF_8))));
            assertEquals(400, answer.status(), c.getKey() + " -> " + answer);
            assertTrue(answer.errorMessage().toLowerCase().contains(c.getValue().toLowerCase()),
                    c.getKey() + " -> " + answer.errorMessage());
        }
        assertEquals(200, select("{!image_knn f=embedding topK=5 v=$img}", 5,
                b -> b.putObject("params").put("img", image)).status());
        assertTrue(node.isRunning());
        assertEquals(before, count(), "nothing indexed is lost");
    }

    @Test
    void hostileVectorsImagesAndUrlsAre400sNamingTheProblemAndLoseNothing() throws Exception {
        long before = count();
        SolrResponse longVector = select("{!image_knn f=embedding topK=5}[" + "0.1,".repeat(9_999) + "0.1]", 5, b -> { });
        assertEquals(400, longVector.status(), longVector::toString);
        assertTrue(longVector.errorMessage().contains("10000"), longVector.errorMessage());

        Path webp = Path.of(System.getProperty("lookalike.repo"), "analyzer/src/test/resources/dev/lookalike/analyzer/image");
        Map<String, byte[]> badImages = new LinkedHashMap<>();
        badImages.put("65535x65535 = 4294836225 pixels exceeds the limit of 16000000",
                TestImages.pngHeaderOnly(65_535, 65_535));
        byte[] lossy = Files.readAllBytes(webp.resolve("quadrants-lossy.webp"));
        badImages.put("WebP data", java.util.Arrays.copyOf(lossy, lossy.length / 2));
        badImages.put("over [lookalike.max_image_bytes] 10485760 bytes", new byte[100 << 20]);
        for (Map.Entry<String, byte[]> bad : badImages.entrySet()) {
            SolrResponse answer = node.postBytes(CORE + "/lookalike/embed", Map.of(), bad.getValue());
            assertEquals(400, answer.status(), answer::toString);
            assertTrue(answer.errorMessage().contains(bad.getKey()), answer.errorMessage());
        }

        ArrayNode docs = JSON.createArrayNode();
        docs.addObject().put("id", "huge-base64").put("image", "A".repeat(20 << 20));
        docs.addObject().put("id", "gif-10000-frames").put("image",
                Base64.getEncoder().encodeToString(TestImages.fashionGif(test, QUERY_IMAGE, 10_000)));
        docs.addObject().put("id", "tiff-1000-pages").put("image",
                Base64.getEncoder().encodeToString(TestImages.fashionTiff(test, QUERY_IMAGE, 1_000)));
        SolrResponse indexed = node.post(CORE + "/update", Map.of("commit", "true"), docs.toString());
        assertEquals(200, indexed.status(), indexed::toString);
        JsonNode errors = indexed.body().path("responseHeader").path("errors");
        assertEquals(1, errors.size(), indexed::toString);
        assertEquals("huge-base64", errors.get(0).path("id").asText(), indexed::toString);
        assertTrue(errors.get(0).path("message").asText().contains("15728640 bytes (as base64) exceeds the limit of "
                + "10485760 bytes"), indexed::toString);
        // An animation or a multi-page file is embedded from its first frame, and costs no more than that frame.
        float[] first = embed(QUERY_IMAGE);
        for (String id : List.of("gif-10000-frames", "tiff-1000-pages")) {
            JsonNode doc = ok(node.get(CORE + "/select", Map.of("q", "id:" + id, "fl", "embedding"))).docs().get(0);
            org.junit.jupiter.api.Assertions.assertArrayEquals(first, CoreOracle.floats(doc.path("embedding")), 1e-5f,
                    id);
        }

        ArrayNode urls = JSON.createArrayNode();
        urls.addObject().put("id", "url-redirect").put("image", hostile.url(HostileImageServer.REDIRECT));
        urls.addObject().put("id", "url-slow").put("image", hostile.url(HostileImageServer.SLOW));
        long start = System.nanoTime();
        SolrResponse fetched = ok(node.post(CORE + "/update", Map.of("commit", "true", "update.chain", "urls"),
                urls.toString()));
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        Map<String, String> failed = new LinkedHashMap<>();
        fetched.body().path("responseHeader").path("errors").forEach(e -> failed.put(e.path("id").asText(),
                e.path("message").asText()));
        assertEquals(List.of("url-redirect", "url-slow"), new ArrayList<>(failed.keySet()), fetched::toString);
        assertTrue(failed.get("url-redirect").contains("a redirect to [" + HostileImageServer.OFF_THE_LIST
                + "]: redirects are not followed"), fetched::toString);
        assertTrue(failed.get("url-slow").contains("did not answer in full within 2000 ms"), fetched::toString);
        // The server would take 100 s; the node gives up at its 2 s deadline (the bound leaves room for a slow CI).
        assertTrue(seconds < 30, "answered after " + seconds + " s");

        ok(node.post(CORE + "/update", Map.of("commit", "true"), "{\"delete\": {\"query\": \"id:(gif-10000-frames OR "
                + "tiff-1000-pages)\"}}"));
        assertTrue(node.isRunning());
        assertEquals(before, count(), "nothing indexed is lost");
        assertEquals(ITEMS, indexedItems().size());
    }

    @Test
    void filesOutsideTheRootAndUrlsOffTheListFailTheirDocumentsAlone() throws Exception {
        long before = count();
        Path outside = Files.createTempFile("lookalike-outside-", ".png");
        try {
            Files.write(outside, TestImages.fashionPng(test, 3));
            Files.createSymbolicLink(fileRoot.resolve("link.png"), outside);
            ArrayNode docs = JSON.createArrayNode();
            docs.addObject().put("id", "file-outside").put("image", outside.toString());
            docs.addObject().put("id", "file-dotdot")
                    .put("image", fileRoot.resolve("../" + outside.getFileName()).toString());
            docs.addObject().put("id", "file-symlink").put("image", fileRoot.resolve("link.png").toString());
            docs.addObject().put("id", "file-inside").put("image", fileRoot.resolve("shoe.png").toString());
            SolrResponse files = ok(node.post(CORE + "/update", Map.of("commit", "true", "update.chain", "files"),
                    docs.toString()));
            List<String> failed = new ArrayList<>();
            files.body().path("responseHeader").path("errors").forEach(e -> failed.add(e.path("id").asText()));
            assertEquals(List.of("file-outside", "file-dotdot", "file-symlink"), failed, files::toString);
            assertEquals(before + 1, count());
            SolrResponse urls = ok(node.post(CORE + "/update", Map.of("commit", "true", "update.chain", "urls"),
                    "[{\"id\": \"url-elsewhere\", \"image\": \"http://elsewhere.example.org/a.png\"}]"));
            JsonNode error = urls.body().path("responseHeader").path("errors").path(0);
            assertEquals("url-elsewhere", error.path("id").asText(), urls::toString);
            assertTrue(error.path("message").asText().contains("elsewhere.example.org"), urls::toString);
            assertEquals(before + 1, count());
        } finally {
            Files.deleteIfExists(fileRoot.resolve("link.png"));
            Files.deleteIfExists(outside);
            ok(node.post(CORE + "/update", Map.of("commit", "true"), "{\"delete\": {\"id\": \"file-inside\"}}"));
        }
    }

    @Test
    void aSolrUpdateFileWrittenOfflineLoadsWithItsVectorsThroughTheChain() throws Exception {
        Path dir = Files.createTempDirectory("lookalike-solr-offline-");
        try {
            LookalikeCli.Result catalogue = LookalikeCli.run("catalogue", "--out", dir.resolve("cat").toString(),
                    "--limit", "12");
            assertEquals(0, catalogue.exitCode(), catalogue::toString);
            Path file = dir.resolve("offline.json");
            LookalikeCli.Result written = LookalikeCli.run("index", "--catalogue",
                    dir.resolve("cat/catalogue.jsonl").toString(), "--index", CORE, "--format", "solr", "--out",
                    file.toString());
            assertEquals(0, written.exitCode(), written::toString);
            JsonNode docs = JSON.readTree(file.toFile());
            assertEquals(12, docs.size());
            long before = count();
            SolrResponse loaded = ok(node.post(CORE + "/update", Map.of("commit", "true"), Files.readString(file)));
            assertEquals(0, loaded.body().path("responseHeader").path("errors").size(), loaded::toString);
            assertEquals(before + 12, count());
            JsonNode first = docs.get(0);
            JsonNode stored = ok(node.get(CORE + "/get", Map.of("id", first.path("id").asText()))).body().path("doc");
            float[] expected = CoreOracle.floats(first.path("embedding"));
            float[] actual = CoreOracle.floats(stored.path("embedding"));
            for (int d = 0; d < expected.length; d++) {
                assertEquals(expected[d], actual[d], 1e-6, "the vector computed offline is the one indexed");
            }
            assertEquals(first.path("category").asText(), stored.path("category").asText());
            ok(node.post(CORE + "/update", Map.of("commit", "true"), "{\"delete\": {\"query\": \"id:test-*\"}}"));
            assertEquals(before, count());
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void benchmarkReportsImageKnnBesideSolrsKnn() throws Exception {
        LookalikeCli.BenchRun bench = LookalikeCli.bench(
                List.of("bench", "solr", "--url", node.url().toString(), "--replace"), "lookalike.bench.solr.args",
                List.of("--vectors", "3000", "--source-images", "500", "--queries", "100", "--warmup", "20"));
        LookalikeCli.Result run = bench.run();
        assertEquals(0, run.exitCode(), run::toString);
        List<String> kinds = new ArrayList<>();
        for (JsonNode kind : bench.figures().path("kinds")) {
            kinds.add(kind.path("kind").asText());
            // Re-ranking moves some of the nearest items out of the top k on purpose; topK=k explores only k.
            String name = kind.path("kind").asText();
            double floor = name.contains("rerank") ? 0.5 : name.equals("knn") ? 0.3 : 0.9;
            assertTrue(kind.path("recall_at_k").asDouble() >= floor, kind::toString);
            assertTrue(kind.path("p50_ms").asDouble() > 0, kind::toString);
        }
        assertEquals(List.of("image_knn", "image_knn_filtered", "image_knn_rerank", "knn", "knn_candidates",
                "knn_candidates_filtered"), kinds);
        assertTrue(run.stdout().contains("solr {!knn} topK=candidates"), run::toString);
        SolrResponse cores = ok(node.get("admin/cores", Map.of("action", "STATUS")));
        assertFalse(cores.body().path("status").has("lookalike-bench"), "the bench core is deleted: " + cores);
    }
}
