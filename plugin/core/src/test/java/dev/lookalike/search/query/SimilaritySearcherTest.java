package dev.lookalike.search.query;

import dev.lookalike.search.index.IndexMetadata;
import dev.lookalike.search.proxy.CategoryProxy;
import dev.lookalike.search.testing.Oracle;
import dev.lookalike.search.testing.TestItems;
import dev.lookalike.search.testing.TestItems.Item;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.tests.util.LuceneTestCase;
import org.junit.Test;

public class SimilaritySearcherTest extends LuceneTestCase {

    private static final int DIM = 8;

    private static SimilaritySearcher searcher(DirectoryReader reader, IndexMetadata metadata) {
        return new SimilaritySearcher(newSearcher(reader), metadata);
    }

    private static List<String> ids(SearchResults results) {
        return results.hits().stream().map(SearchHit::id).toList();
    }

    @Test
    public void filteredSearchReturnsMinOfKAndMatchesAllMatchingWithRerankOn() throws IOException {
        int n = 3000;
        List<Item> items = new ArrayList<>(TestItems.random(random(), n, DIM, 5));
        // 0.1% of the items, in a category of their own
        Set<String> rare = new HashSet<>();
        for (int i = 0; i < n / 1000 * 1; i++) {
            int at = random().nextInt(n);
            Item old = items.get(at);
            if (rare.add(old.id())) {
                items.set(at, new Item(old.id(), "rare", old.title(), old.vector()));
            }
        }
        IndexMetadata metadata = TestItems.metadata(items, DIM, 0.1f);
        try (Directory dir = newDirectory();
                DirectoryReader reader = TestItems.index(dir, random(), items, metadata)) {
            SimilaritySearcher searcher = searcher(reader, metadata);
            for (int k : new int[] {1, rare.size(), 10}) {
                float[] query = TestItems.unitVector(random(), DIM);
                SearchResults results = searcher.search(SimilarityQuery.builder(QueryVector.of(query)).k(k)
                        .filter(SearchFilter.categories("rare")).rerank(true).rerankWeight(0.3f).build());
                assertEquals("k=" + k, Math.min(k, rare.size()), results.hits().size());
                for (SearchHit hit : results.hits()) {
                    assertTrue(hit.id(), rare.contains(hit.id()));
                    assertEquals("rare", hit.category());
                    assertNotNull(hit.parts().agreement());
                }
            }
        }
    }

    @Test
    public void searchEqualsBruteForceWhenCandidatesCoverTheIndex() throws IOException {
        List<Item> items = TestItems.random(random(), 300 + random().nextInt(200), DIM, 4);
        IndexMetadata metadata = TestItems.metadata(items, DIM, 0.1f);
        try (Directory dir = newDirectory();
                DirectoryReader reader = TestItems.index(dir, random(), items, metadata)) {
            SimilaritySearcher searcher = searcher(reader, metadata);
            for (int round = 0; round < 5; round++) {
                float[] query = TestItems.unitVector(random(), DIM);
                int k = 1 + random().nextInt(50);
                boolean filtered = random().nextBoolean();
                SimilarityQuery.Builder q = SimilarityQuery.builder(QueryVector.of(query)).k(k)
                        .numCandidates(items.size());
                if (filtered) {
                    q.filter(SearchFilter.categories("c1", "c3"));
                }
                SearchResults results = searcher.search(q.build());
                List<String> expected = Oracle.nearest(items, query, k,
                        it -> !filtered || it.category().equals("c1") || it.category().equals("c3"));
                assertEquals(expected, ids(results));
                for (SearchHit hit : results.hits()) {
                    Item item = items.get(Integer.parseInt(hit.id().substring("item-".length())));
                    assertEquals(Oracle.dot(item.vector(), query), hit.parts().similarity(), 1e-6);
                    assertEquals(hit.parts().similarity(), hit.score(), 0);
                }
            }
        }
    }

    @Test
    public void rerankWithWeightZeroKeepsTheSimilarityOrder() throws IOException {
        List<Item> items = TestItems.random(random(), 200, DIM, 6);
        IndexMetadata metadata = TestItems.metadata(items, DIM, 0.05f);
        try (Directory dir = newDirectory();
                DirectoryReader reader = TestItems.index(dir, random(), items, metadata)) {
            SimilaritySearcher searcher = searcher(reader, metadata);
            float[] query = TestItems.unitVector(random(), DIM);
            SearchResults plain = searcher.search(SimilarityQuery.builder(QueryVector.of(query)).k(20)
                    .numCandidates(200).build());
            SearchResults reranked = searcher.search(SimilarityQuery.builder(QueryVector.of(query)).k(20)
                    .numCandidates(200).rerank(true).rerankWeight(0f).build());
            assertEquals(ids(plain), ids(reranked));
            assertEquals(Oracle.nearest(items, query, 20, it -> true), ids(reranked));
            assertNotNull(reranked.queryCategory());
        }
    }

    /**
     * Category A's proxy is e0 and B's is e1. The query leans to A; b1 is closer to the query than a1 but leans
     * to B. Plain similarity puts b1 first; re-ranking by agreement puts a1, the same-category item, first.
     */
    @Test
    public void aQueryNamingNoRerankWeightTakesTheIndexModelsElseTheSearchDefault() throws IOException {
        List<Item> items = List.of(new Item("a0", "A", "", unit(1, 0, 0, 0)), new Item("b0", "B", "", unit(0, 1, 0, 0)),
                new Item("a1", "A", "", unit(0.95f, 0, 0, 0.3f)), new Item("b1", "B", "", unit(0, 0.5f, 0.85f, 0)));
        IndexMetadata plain = TestItems.metadata(items, 4, 0.05f);
        IndexMetadata tuned = new IndexMetadata(plain.formatVersion(), plain.model(), plain.settings(),
                plain.modelProxies(), plain.proxies(), plain.modelProxyAnchor(), 0.5f);
        SimilarityQuery query = SimilarityQuery.builder(QueryVector.of(unit(0.6f, 0, 0.8f, 0))).k(2).rerank(true)
                .filter(SearchFilter.terms("id", List.of("a1", "b1"))).build();
        try (Directory dir = newDirectory();
                DirectoryReader reader = TestItems.index(dir, random(), items, plain)) {
            for (IndexMetadata metadata : List.of(plain, tuned)) {
                double w = metadata == tuned ? 0.5 : SimilarityQuery.DEFAULT_RERANK_WEIGHT;
                for (SearchHit hit : searcher(reader, metadata).search(query).hits()) {
                    assertEquals(hit.id(), (1 - w) * hit.parts().similarity() + w * hit.parts().agreement(),
                            hit.score(), 1e-6);
                }
            }
            assertEquals("the model's weight is strong enough to put the same-category item first",
                    List.of("a1", "b1"), ids(searcher(reader, tuned).search(query)));
        }
    }

    @Test
    public void rerankMovesItemsOfTheQuerysCategoryUp() throws IOException {
        float[] a0 = unit(1, 0, 0, 0);
        float[] b0 = unit(0, 1, 0, 0);
        float[] a1 = unit(0.95f, 0, 0, 0.3f);
        float[] b1 = unit(0, 0.5f, 0.85f, 0);
        float[] query = unit(0.6f, 0, 0.8f, 0);
        List<Item> items = List.of(new Item("a0", "A", "", a0), new Item("b0", "B", "", b0),
                new Item("a1", "A", "", a1), new Item("b1", "B", "", b1));
        IndexMetadata metadata = TestItems.metadata(items, 4, 0.05f);
        try (Directory dir = newDirectory();
                DirectoryReader reader = TestItems.index(dir, random(), items, metadata)) {
            SimilaritySearcher searcher = searcher(reader, metadata);
            SimilarityQuery.Builder base = SimilarityQuery.builder(QueryVector.of(query)).k(2)
                    .filter(SearchFilter.terms("id", List.of("a1", "b1")));
            assertEquals(List.of("b1", "a1"), ids(searcher.search(base.build())));

            SearchResults reranked = searcher.search(base.rerank(true).rerankWeight(0.5f).build());
            assertEquals(List.of("a1", "b1"), ids(reranked));
            assertEquals("A", reranked.queryCategory().category());
            SearchHit first = reranked.hits().get(0);
            SearchHit second = reranked.hits().get(1);
            assertTrue(first.parts().agreement() > second.parts().agreement());
            assertTrue(first.parts().similarity() < second.parts().similarity());
            assertEquals(0.5 * first.parts().similarity() + 0.5 * first.parts().agreement(), first.score(), 1e-9);
        }
    }

    @Test
    public void agreementIsTheQuerysProbabilityOfTheItemsCategoryOrOfTheModelsDistribution() throws IOException {
        List<Item> items = new ArrayList<>();
        for (Item item : TestItems.random(random(), 100, DIM, 5)) {
            // every fourth item has no catalogue category: the model's distribution stands in for it
            items.add(items.size() % 4 == 0 ? new Item(item.id(), null, item.title(), item.vector()) : item);
        }
        float temperature = 0.2f;
        IndexMetadata metadata = TestItems.metadata(items, DIM, temperature);
        List<float[]> proxies = metadata.proxies().proxies().stream().map(CategoryProxy::vector).toList();
        try (Directory dir = newDirectory();
                DirectoryReader reader = TestItems.index(dir, random(), items, metadata)) {
            SimilaritySearcher searcher = searcher(reader, metadata);
            float[] query = TestItems.unitVector(random(), DIM);
            // the index's temperature reads the stored distributions; any other (the default) recomputes them
            for (Float t : new Float[] {temperature, null, 0.9f}) {
                double qt = t == null ? SimilarityQuery.DEFAULT_RERANK_TEMPERATURE : t;
                SearchResults results = searcher.search(SimilarityQuery.builder(QueryVector.of(query)).k(40)
                        .rerank(true).rerankTemperature(t).build());
                double[] q = Oracle.softmax(proxies, query, qt);
                boolean sawEach = false;
                for (SearchHit hit : results.hits()) {
                    Item item = items.get(Integer.parseInt(hit.id().substring("item-".length())));
                    assertEquals(Oracle.agreement(q, metadata.proxies().categories(), proxies, item.category(),
                            item.vector(), qt), hit.parts().agreement(), 1e-5);
                    sawEach |= item.category() == null;
                }
                assertTrue("some uncategorised items among 40 results", sawEach);
            }
        }
    }

    @Test
    public void queryByIdUsesTheStoredVectorAndLeavesTheItemOut() throws IOException {
        List<Item> items = TestItems.random(random(), 150, DIM, 3);
        IndexMetadata metadata = TestItems.metadata(items, DIM, 0.1f);
        try (Directory dir = newDirectory();
                DirectoryReader reader = TestItems.index(dir, random(), items, metadata)) {
            SimilaritySearcher searcher = searcher(reader, metadata);
            Item source = items.get(random().nextInt(items.size()));
            assertArrayEquals(source.vector(), searcher.vectorOf(source.id()), 0f);
            SearchResults results = searcher.search(SimilarityQuery.builder(QueryVector.ofItem(source.id()))
                    .k(10).numCandidates(150).build());
            assertEquals(Oracle.nearest(items, source.vector(), 10, it -> it != source), ids(results));
        }
    }

    @Test
    public void textFusionBringsInATextMatchOutsideTheVisualCandidates() throws IOException {
        List<Item> items = new ArrayList<>(TestItems.random(random(), 200, DIM, 3));
        float[] query = TestItems.unitVector(random(), DIM);
        // the least similar item is the only one with the word
        Item far = items.stream().min((x, y) -> Double.compare(Oracle.dot(x.vector(), query),
                Oracle.dot(y.vector(), query))).orElseThrow();
        items.set(items.indexOf(far), new Item(far.id(), far.category(), "Red Suede Sneaker", far.vector()));
        IndexMetadata metadata = TestItems.metadata(items, DIM, 0.1f);
        try (Directory dir = newDirectory();
                DirectoryReader reader = TestItems.index(dir, random(), items, metadata)) {
            SimilaritySearcher searcher = searcher(reader, metadata);
            SimilarityQuery.Builder q = SimilarityQuery.builder(QueryVector.of(query)).k(5).numCandidates(5)
                    .text("suede");
            SearchResults heavy = searcher.search(q.textWeight(0.9f).build());
            assertEquals(far.id(), heavy.hits().get(0).id());
            assertEquals(1.0, heavy.hits().get(0).parts().text(), 0);
            assertEquals(0.0, heavy.hits().get(1).parts().text(), 0);

            // with weight 0 the text changes nothing: candidates covering the index make the order exact
            SearchResults light = searcher.search(q.textWeight(0).numCandidates(items.size()).build());
            assertEquals(Oracle.nearest(items, query, 5, it -> true), ids(light));
        }
    }

    @Test
    public void textMatchFilterKeepsOnlyItemsWithEveryWord() throws IOException {
        List<Item> items = new ArrayList<>(TestItems.random(random(), 100, DIM, 3));
        items.set(3, new Item("item-3", "c0", "red suede sneaker", items.get(3).vector()));
        items.set(7, new Item("item-7", "c0", "red leather sneaker", items.get(7).vector()));
        IndexMetadata metadata = TestItems.metadata(items, DIM, 0.1f);
        try (Directory dir = newDirectory();
                DirectoryReader reader = TestItems.index(dir, random(), items, metadata)) {
            SimilaritySearcher searcher = searcher(reader, metadata);
            SearchResults results = searcher.search(SimilarityQuery.builder(
                    QueryVector.of(TestItems.unitVector(random(), DIM))).k(10)
                    .filter(SearchFilter.textMatch("Sneaker, RED!")).build());
            assertEquals(Set.of("item-3", "item-7"), new HashSet<>(ids(results)));
            results = searcher.search(SimilarityQuery.builder(QueryVector.of(TestItems.unitVector(random(), DIM)))
                    .k(10).filter(SearchFilter.textMatch("red suede")).build());
            assertEquals(List.of("item-3"), ids(results));
        }
    }

    @Test
    public void minSimilarityDropsExactlyTheLessSimilarItems() throws IOException {
        List<Item> items = TestItems.random(random(), 200, DIM, 3);
        IndexMetadata metadata = TestItems.metadata(items, DIM, 0.1f);
        try (Directory dir = newDirectory();
                DirectoryReader reader = TestItems.index(dir, random(), items, metadata)) {
            SimilaritySearcher searcher = searcher(reader, metadata);
            float[] query = TestItems.unitVector(random(), DIM);
            float min = 0.5f;
            SearchResults results = searcher.search(SimilarityQuery.builder(QueryVector.of(query)).k(200)
                    .numCandidates(200).minSimilarity(min).build());
            assertEquals(Oracle.nearest(items, query, 200, it -> Oracle.dot(it.vector(), query) >= min),
                    ids(results));
        }
    }

    @Test
    public void unknownCategoryMatchesNothingButUnknownFilterFieldIsRefused() throws IOException {
        List<Item> items = TestItems.random(random(), 50, DIM, 3);
        IndexMetadata metadata = TestItems.metadata(items, DIM, 0.1f);
        try (Directory dir = newDirectory();
                DirectoryReader reader = TestItems.index(dir, random(), items, metadata)) {
            SimilaritySearcher searcher = searcher(reader, metadata);
            float[] query = TestItems.unitVector(random(), DIM);
            assertEquals(0, searcher.search(SimilarityQuery.builder(QueryVector.of(query))
                    .filter(SearchFilter.categories("no-such-category")).build()).hits().size());
            var e = expectThrows(dev.lookalike.search.SearchInputException.class, () -> searcher.search(
                    SimilarityQuery.builder(QueryVector.of(query)).filter(SearchFilter.terms("colour",
                            List.of("red"))).build()));
            assertTrue(e.getMessage(), e.getMessage().contains("query filter field colour"));
            e = expectThrows(dev.lookalike.search.SearchInputException.class, () -> searcher.search(
                    SimilarityQuery.builder(QueryVector.ofItem("no-such-item")).build()));
            assertTrue(e.getMessage(), e.getMessage().contains("no-such-item"));
        }
    }

    @Test
    public void badQueryVectorsAreRefusedNamingTheVector() throws IOException {
        List<Item> items = TestItems.random(random(), 20, DIM, 2);
        IndexMetadata metadata = TestItems.metadata(items, DIM, 0.1f);
        try (Directory dir = newDirectory();
                DirectoryReader reader = TestItems.index(dir, random(), items, metadata)) {
            SimilaritySearcher searcher = searcher(reader, metadata);
            float[] nan = TestItems.unitVector(random(), DIM);
            nan[2] = Float.NaN;
            float[] inf = TestItems.unitVector(random(), DIM);
            inf[5] = Float.NEGATIVE_INFINITY;
            for (float[] bad : List.of(new float[DIM + 1], nan, inf, new float[DIM])) {
                var e = expectThrows(dev.lookalike.search.SearchInputException.class,
                        () -> searcher.search(SimilarityQuery.builder(QueryVector.of(bad)).build()));
                assertEquals("query vector", e.input());
            }
        }
    }

    private static float[] unit(float... v) {
        double len = Math.sqrt(Oracle.dot(v, v));
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / len);
        }
        return out;
    }
}
