package dev.lookalike.e2e.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookalike.analyzer.dataset.FashionMnist;
import dev.lookalike.e2e.CoreOracle;
import dev.lookalike.e2e.TestImages;
import dev.lookalike.search.index.IndexedItem;
import dev.lookalike.search.query.QueryVector;
import dev.lookalike.search.query.SearchFilter;
import dev.lookalike.search.query.SearchHit;
import dev.lookalike.search.query.SearchResults;
import dev.lookalike.search.query.SimilarityQuery;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The Solr plug-in on a SolrCloud of three nodes, each in its own JVM with the plug-in installed from its zip,
 * and a collection of 2 shards × 2 replicas made from the example configset: {@value #ITEMS} Fashion-MNIST test
 * images indexed through the update chain (each embedded once, on the node that received it), catalogue proxies
 * refreshed across the collection, then {@code {!image_knn}} by vector, by image and by {@code like} (documents
 * on another shard), with a category {@code fq}, a text {@code fq} and re-ranking, equal to the search core on the
 * same vectors from every node. Last, one node is killed while updates and queries run: every acknowledged
 * document is there afterwards, and the share of queries answered is measured.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SolrCloudPluginTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLLECTION = "catalogue";
    private static final int ITEMS = 2000;
    private static final int BATCH = 200;
    /** Query images: test images after the indexed ones. */
    private static final int QUERY_IMAGE = 6000;

    private FashionMnist test;
    private SolrCloud cloud;
    private CoreOracle core;

    @BeforeAll
    void startCloudAndIndexCatalogue() throws Exception {
        test = FashionMnist.load("test");
        cloud = SolrCloud.start(3, List.of(SolrPluginTest.pluginZip()), List.of(SolrPluginTest.pluginConfigSet()));
        cloud.createCollection(COLLECTION, "lookalike", 2, 2);
        for (int from = 0; from < ITEMS; from += BATCH) {
            ArrayNode docs = JSON.createArrayNode();
            for (int i = from; i < from + BATCH; i++) {
                docs.add(doc(i));
            }
            SolrResponse indexed = cloud.node(from / BATCH % cloud.size()).post(COLLECTION + "/update", Map.of(),
                    docs.toString());
            assertEquals(200, indexed.status(), indexed::toString);
            assertEquals(0, indexed.body().path("responseHeader").path("errors").size(), indexed::toString);
        }
        ok(cloud.node(0).get(COLLECTION + "/update", Map.of("commit", "true")));
        ok(cloud.node(1).get(COLLECTION + "/lookalike/proxies", Map.of("action", "refresh", "field", "embedding",
                "categoryField", "category")));
        core = CoreOracle.of(indexedItems());
    }

    @AfterAll
    void stopCloud() throws Exception {
        if (core != null) {
            core.close();
        }
        if (cloud != null) {
            cloud.close();
        }
    }

    private ObjectNode doc(int i) {
        String category = test.classNames().get(test.label(i));
        return JSON.createObjectNode().put("id", "item-" + i).put("category", category)
                .put("title", (i % 3 == 0 ? "Striped " : "Plain ") + category + " number " + i)
                .put("image", Base64.getEncoder().encodeToString(TestImages.fashionPng(test, i)));
    }

    private static SolrResponse ok(SolrResponse response) {
        assertEquals(200, response.status(), response::toString);
        return response;
    }

    private List<IndexedItem> indexedItems() throws Exception {
        JsonNode docs = ok(cloud.node(2).get(COLLECTION + "/select", Map.of("q", "*:*", "rows", String.valueOf(ITEMS),
                "fl", "id,category,title,embedding"))).docs();
        List<IndexedItem> items = new ArrayList<>();
        for (JsonNode doc : docs) {
            items.add(new IndexedItem(doc.path("id").asText(), doc.path("category").asText(),
                    doc.path("title").asText(), null, null, Map.of(), CoreOracle.floats(doc.path("embedding"))));
        }
        assertEquals(ITEMS, items.size(), "every image was embedded and indexed once");
        return items;
    }

    private SolrResponse select(SolrNode node, String query, Map<String, String> params, List<String> filters)
            throws Exception {
        ObjectNode body = JSON.createObjectNode().put("query", query).put("limit", 10).put("fields", "id,score");
        filters.forEach(body.withArray("filter")::add);
        ObjectNode p = body.putObject("params");
        params.forEach(p::put);
        return node.post(COLLECTION + "/select", Map.of(), body.toString());
    }

    private static void assertSameHits(SearchResults expected, SolrResponse actual, String where) {
        List<String> expectedIds = expected.hits().stream().map(SearchHit::id).toList();
        List<String> actualIds = new ArrayList<>();
        actual.docs().forEach(d -> actualIds.add(d.path("id").asText()));
        assertEquals(expectedIds, actualIds, where + ": " + actual);
        for (int i = 0; i < actualIds.size(); i++) {
            assertEquals((1 + expected.hits().get(i).score()) / 2, actual.docs().get(i).path("score").asDouble(), 1e-5,
                    where + ", hit " + i);
        }
    }

    private SearchResults coreSearch(QueryVector vector, boolean rerank, SearchFilter filter) throws Exception {
        SimilarityQuery.Builder q = SimilarityQuery.builder(vector).k(10).numCandidates(ITEMS).rerank(rerank);
        if (filter != null) {
            q.filter(filter);
        }
        return core.search(q.build());
    }

    @Test
    @Order(1)
    void everyNodeAnswersAsTheCoreByVectorImageAndLikeWithFiltersAndReranking() throws Exception {
        String image = Base64.getEncoder().encodeToString(TestImages.fashionPng(test, QUERY_IMAGE));
        float[] vector = CoreOracle.floats(ok(cloud.node(0).get(COLLECTION + "/lookalike/embed",
                Map.of("image", image))).body().path("vector"));
        String knn = "{!image_knn f=embedding topK=10 numCandidates=" + ITEMS + "}" + CoreOracle.array(vector);
        String reranked = "{!image_knn f=embedding topK=10 numCandidates=" + ITEMS + " rerank=true}"
                + CoreOracle.array(vector);
        String byImage = "{!image_knn f=embedding topK=10 numCandidates=" + ITEMS + " v=$img}";
        String category = test.classNames().get(test.label(QUERY_IMAGE));
        for (int n = 0; n < cloud.size(); n++) {
            SolrNode node = cloud.node(n);
            String where = "node " + n;
            assertSameHits(coreSearch(QueryVector.of(vector), false, null),
                    ok(select(node, knn, Map.of(), List.of())), where + " by vector");
            assertSameHits(coreSearch(QueryVector.of(vector), false, null),
                    ok(select(node, byImage, Map.of("img", image), List.of())), where + " by image");
            assertSameHits(coreSearch(QueryVector.of(vector), false, SearchFilter.categories(category)),
                    ok(select(node, knn, Map.of(), List.of("category:\"" + category + "\""))), where + " category fq");
            assertSameHits(coreSearch(QueryVector.of(vector), false, SearchFilter.textMatch("striped")),
                    ok(select(node, knn, Map.of(), List.of("title:striped"))), where + " text fq");
            assertSameHits(coreSearch(QueryVector.of(vector), true, null),
                    ok(select(node, reranked, Map.of(), List.of())), where + " re-ranked");
            for (int item : new int[] {3, 1234}) {
                SimilarityQuery like = SimilarityQuery.builder(QueryVector.ofItem("item-" + item)).k(10)
                        .numCandidates(ITEMS).build();
                assertSameHits(core.search(like), ok(select(node, "{!image_knn f=embedding topK=10 numCandidates="
                        + ITEMS + " like=item-" + item + "}", Map.of(), List.of())), where + " like item-" + item);
            }
        }
    }

    @Test
    @Order(2)
    void twoRefreshesOfTwoFieldsOnTwoNodesAtOnceBothSurvive() throws Exception {
        ok(cloud.node(0).post(COLLECTION + "/schema", Map.of(),
                "{\"add-field\": {\"name\": \"embedding_copy\", \"type\": \"image_vector\", \"stored\": true}}"));
        ArrayNode copies = JSON.createArrayNode();
        for (IndexedItem item : indexedItems().subList(0, 300)) {
            copies.addObject().put("id", "copy-" + item.id()).put("category", item.category())
                    .set("embedding_copy", CoreOracle.array(item.vector()));
        }
        ok(cloud.node(1).post(COLLECTION + "/update", Map.of("commit", "true"), copies.toString()));
        for (int round = 0; round < 3; round++) {
            List<Thread> refreshes = new ArrayList<>();
            List<SolrResponse> answers = java.util.Collections.synchronizedList(new ArrayList<>());
            String[] fields = {"embedding", "embedding_copy"};
            for (int n = 0; n < 2; n++) {
                SolrNode node = cloud.node(n);
                String field = fields[n];
                refreshes.add(new Thread(() -> {
                    try {
                        answers.add(node.get(COLLECTION + "/lookalike/proxies", Map.of("action", "refresh",
                                "field", field, "categoryField", "category")));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            refreshes.forEach(Thread::start);
            for (Thread r : refreshes) {
                r.join();
            }
            answers.forEach(SolrCloudPluginTest::ok);
            JsonNode stored = ok(cloud.node(2).get(COLLECTION + "/lookalike/proxies", Map.of())).body()
                    .path("catalogueProxies");
            assertTrue(stored.has("embedding") && stored.has("embedding_copy"), "round " + round + ": " + stored);
            // A refresh that overwrote the other's result would leave that field a generation behind, or gone.
            assertEquals(round + 2, stored.path("embedding").path("generation").asInt(), "round " + round + ": " + stored);
            assertEquals(round + 1, stored.path("embedding_copy").path("generation").asInt(),
                    "round " + round + ": " + stored);
        }
        ok(cloud.node(0).post(COLLECTION + "/update", Map.of("commit", "true"),
                "{\"delete\": {\"query\": \"id:copy-*\"}}"));
    }

    @Test
    @Order(3)
    void killingANodeUnderLoadLosesNoAcknowledgedDocumentAndQueriesGoOn() throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger queries = new AtomicInteger();
        AtomicInteger answered = new AtomicInteger();
        AtomicInteger complete = new AtomicInteger();
        AtomicInteger queriesWhileDown = new AtomicInteger();
        AtomicInteger answeredWhileDown = new AtomicInteger();
        AtomicBoolean down = new AtomicBoolean(false);
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread writer = new Thread(() -> {
            int next = ITEMS;
            try {
                while (running.get()) {
                    ArrayNode docs = JSON.createArrayNode();
                    for (int i = 0; i < 10; i++, next++) {
                        docs.add(doc(next).put("id", "extra-" + next));
                    }
                    SolrResponse answer = cloud.node(0).post(COLLECTION + "/update", Map.of(), docs.toString());
                    if (answer.status() == 200) {
                        Set<String> failed = new HashSet<>();
                        answer.body().path("responseHeader").path("errors")
                                .forEach(e -> failed.add(e.path("id").asText()));
                        docs.forEach(d -> {
                            if (!failed.contains(d.path("id").asText())) {
                                acknowledged.add(d.path("id").asText());
                            }
                        });
                    }
                }
            } catch (Exception | AssertionError e) {
                failures.add(e);
            }
        });
        Thread reader = new Thread(() -> {
            try {
                int q = 0;
                while (running.get()) {
                    SolrNode node = cloud.node(q % 2);
                    String query = "{!image_knn f=embedding topK=10 like=item-" + (q * 37 % ITEMS) + "}";
                    boolean wasDown = down.get();
                    SolrResponse answer = select(node, query, Map.of("shards.tolerant", "true"), List.of());
                    queries.incrementAndGet();
                    if (wasDown) {
                        queriesWhileDown.incrementAndGet();
                    }
                    if (answer.status() == 200 && answer.docs().size() > 0) {
                        answered.incrementAndGet();
                        if (wasDown) {
                            answeredWhileDown.incrementAndGet();
                        }
                        if (!answer.body().path("responseHeader").path("partialResults").asBoolean(false)) {
                            complete.incrementAndGet();
                        }
                    }
                    q++;
                }
            } catch (Exception | AssertionError e) {
                failures.add(e);
            }
        });
        writer.start();
        reader.start();
        Thread.sleep(4000);
        cloud.node(2).kill();
        down.set(true);
        assertFalse(cloud.node(2).isRunning());
        Thread.sleep(8000);
        running.set(false);
        writer.join();
        reader.join();
        assertTrue(failures.isEmpty(), () -> "client threads failed: " + failures);

        ok(cloud.node(0).get(COLLECTION + "/update", Map.of("commit", "true")));
        assertFalse(acknowledged.isEmpty(), "some updates were acknowledged");
        List<String> ids = new ArrayList<>(acknowledged);
        Set<String> found = new HashSet<>();
        for (int from = 0; from < ids.size(); from += 200) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 200));
            JsonNode docs = ok(cloud.node(1).get(COLLECTION + "/select", Map.of("q", "{!terms f=id}"
                    + String.join(",", chunk), "rows", "200", "fl", "id,embedding"))).docs();
            docs.forEach(d -> {
                found.add(d.path("id").asText());
                assertEquals(64, d.path("embedding").size(), d::toString);
            });
        }
        assertEquals(acknowledged, found, "every acknowledged document is there, with its vector");
        System.out.printf(Locale.ROOT, "SolrCloud node loss: %d documents acknowledged and all found; %d of %d queries"
                + " answered (%d complete), %d of %d while the node was down%n", acknowledged.size(), answered.get(),
                queries.get(), complete.get(), answeredWhileDown.get(), queriesWhileDown.get());
        assertTrue(queriesWhileDown.get() > 0, "queries ran while the node was down");
        assertEquals(queriesWhileDown.get(), answeredWhileDown.get(), "with shards.tolerant every query is answered");
    }
}
