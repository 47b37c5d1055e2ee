package dev.lookalike.search.query;

import dev.lookalike.search.index.IndexMetadata;
import dev.lookalike.search.index.IndexSchema;
import dev.lookalike.search.proxy.CategoryProxy;
import dev.lookalike.search.testing.Oracle;
import dev.lookalike.search.testing.TestItems;
import dev.lookalike.search.testing.TestItems.Item;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.tests.util.LuceneTestCase;
import org.junit.Test;

public class VisualSimilarityQueryTest extends LuceneTestCase {

    private static final int DIM = 8;

    /** The expected ids and scores, best first, computed from the definitions over every passing item. */
    private static List<Map.Entry<String, Double>> oracle(List<Item> items, float[] query, int k,
            Predicate<Item> filter, List<CategoryProxy> proxies, float weight, float temperature) {
        List<float[]> vectors = proxies.stream().map(CategoryProxy::vector).toList();
        double[] q = Oracle.softmax(vectors, query, temperature);
        List<Map.Entry<String, Double>> scored = new ArrayList<>();
        for (Item it : items) {
            if (filter.test(it)) {
                double similarity = Oracle.dot(it.vector(), query);
                double visual = weight == 0 ? similarity : (1 - weight) * similarity
                        + weight * Oracle.bhattacharyya(q, Oracle.softmax(vectors, it.vector(), temperature));
                scored.add(Map.entry(it.id(), (1 + visual) / 2));
            }
        }
        scored.sort(Comparator.comparingDouble((Map.Entry<String, Double> e) -> -e.getValue()));
        return scored.subList(0, Math.min(k, scored.size()));
    }

    private static List<Map.Entry<String, Double>> run(IndexSearcher searcher, VisualSimilarityQuery query)
            throws IOException {
        TopDocs top = searcher.search(query, 1000);
        List<Map.Entry<String, Double>> out = new ArrayList<>();
        for (ScoreDoc hit : top.scoreDocs) {
            String id = searcher.storedFields().document(hit.doc).get(IndexSchema.ID);
            out.add(Map.entry(id, (double) hit.score));
        }
        return out;
    }

    private static void assertSameRanking(List<Map.Entry<String, Double>> expected,
            List<Map.Entry<String, Double>> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals("rank " + i, expected.get(i).getValue(), actual.get(i).getValue(), 1e-5);
        }
        Map<String, Double> byId = new HashMap<>();
        actual.forEach(e -> byId.put(e.getKey(), e.getValue()));
        for (Map.Entry<String, Double> e : expected) {
            // ties may swap places, but every expected id is there with its score
            Double score = byId.get(e.getKey());
            if (score == null) {
                assertTrue("missing " + e, expected.get(expected.size() - 1).getValue() - e.getValue() < 1e-5);
            } else {
                assertEquals(e.getKey(), e.getValue(), score, 1e-5);
            }
        }
    }

    @Test
    public void scoresEqualTheDefinitionWithAndWithoutRerankAndFilter() throws IOException {
        List<Item> items = TestItems.random(random(), 200 + random().nextInt(300), DIM, 4);
        IndexMetadata metadata = TestItems.metadata(items, DIM, 0.1f);
        try (Directory dir = newDirectory();
                DirectoryReader reader = TestItems.index(dir, random(), items, metadata)) {
            IndexSearcher searcher = newSearcher(reader);
            for (int round = 0; round < 6; round++) {
                float[] query = TestItems.unitVector(random(), DIM);
                int k = 1 + random().nextInt(30);
                boolean filtered = random().nextBoolean();
                float weight = round % 2 == 0 ? 0 : random().nextFloat();
                float temperature = 0.05f + random().nextFloat() * 0.5f;
                ProxyRerank rerank = weight == 0 ? null
                        : new ProxyRerank(metadata.proxies(), weight, temperature, null);
                VisualSimilarityQuery q = new VisualSimilarityQuery(IndexSchema.VECTOR, query, k, items.size(),
                        filtered ? new TermQuery(new Term(IndexSchema.CATEGORY, "c2")) : null, null, rerank);
                assertSameRanking(oracle(items, query, k, it -> !filtered || it.category().equals("c2"),
                        metadata.proxies().proxies(), weight, temperature), run(searcher, q));
            }
        }
    }

    @Test
    public void ranksTheSameAsTheCoreSearcher() throws IOException {
        List<Item> items = TestItems.random(random(), 300, DIM, 5);
        IndexMetadata metadata = TestItems.metadata(items, DIM, 0.1f);
        try (Directory dir = newDirectory();
                DirectoryReader reader = TestItems.index(dir, random(), items, metadata)) {
            IndexSearcher searcher = newSearcher(reader);
            SimilaritySearcher core = new SimilaritySearcher(searcher, metadata);
            float[] query = TestItems.unitVector(random(), DIM);
            SearchResults expected = core.search(SimilarityQuery.builder(QueryVector.of(query)).k(15)
                    .numCandidates(300).rerank(true).rerankWeight(0.6f).build());
            List<Map.Entry<String, Double>> actual = run(searcher, new VisualSimilarityQuery(IndexSchema.VECTOR,
                    query, 15, 300, null, null, ProxyRerank.of(metadata.proxies(), 0.6f, IndexSchema.CATEGORY)));
            assertEquals(expected.hits().stream().map(SearchHit::id).toList(),
                    actual.stream().map(Map.Entry::getKey).toList());
            for (int i = 0; i < actual.size(); i++) {
                assertEquals((1 + expected.hits().get(i).score()) / 2, actual.get(i).getValue(), 1e-5);
            }
        }
    }

    @Test
    public void minScoreDropsWeakerDocumentsAndFilterKeepsKWhenEnoughMatch() throws IOException {
        List<Item> items = TestItems.random(random(), 1000, DIM, 10);
        IndexMetadata metadata = TestItems.metadata(items, DIM, 0.1f);
        try (Directory dir = newDirectory();
                DirectoryReader reader = TestItems.index(dir, random(), items, metadata)) {
            IndexSearcher searcher = newSearcher(reader);
            float[] query = TestItems.unitVector(random(), DIM);
            long matching = items.stream().filter(it -> it.category().equals("c7")).count();
            List<Map.Entry<String, Double>> filtered = run(searcher, new VisualSimilarityQuery(IndexSchema.VECTOR,
                    query, 10, 50, new TermQuery(new Term(IndexSchema.CATEGORY, "c7")), null,
                    ProxyRerank.of(metadata.proxies(), 0.5f, null)));
            assertEquals(Math.min(10, matching), filtered.size());
            List<Map.Entry<String, Double>> all = run(searcher,
                    new VisualSimilarityQuery(IndexSchema.VECTOR, query, 20, 100, null, null, null));
            float bound = all.get(9).getValue().floatValue();
            List<Map.Entry<String, Double>> bounded = run(searcher,
                    new VisualSimilarityQuery(IndexSchema.VECTOR, query, 20, 100, null, bound, null));
            assertTrue(bounded.size() >= 10 && bounded.size() < 20);
            bounded.forEach(e -> assertTrue(e.toString(), e.getValue() >= bound));
        }
    }

    @Test
    public void composesInsideBooleanQueriesWithExclusionsAndCounts() throws IOException {
        List<Item> items = TestItems.random(random(), 500, DIM, 4);
        IndexMetadata metadata = TestItems.metadata(items, DIM, 0.1f);
        try (Directory dir = newDirectory();
                DirectoryReader reader = TestItems.index(dir, random(), items, metadata)) {
            IndexSearcher searcher = newSearcher(reader);
            float[] query = TestItems.unitVector(random(), DIM);
            VisualSimilarityQuery visual = new VisualSimilarityQuery(IndexSchema.VECTOR, query, 20, 100, null, null,
                    ProxyRerank.of(metadata.proxies(), 0.3f, IndexSchema.CATEGORY));
            List<Map.Entry<String, Double>> alone = run(searcher, visual);
            org.apache.lucene.search.BooleanQuery bool = new org.apache.lucene.search.BooleanQuery.Builder()
                    .add(visual, org.apache.lucene.search.BooleanClause.Occur.MUST)
                    .add(new TermQuery(new Term(IndexSchema.CATEGORY, "c1")),
                            org.apache.lucene.search.BooleanClause.Occur.MUST_NOT).build();
            TopDocs top = searcher.search(bool, 100);
            List<String> expected = alone.stream().map(Map.Entry::getKey)
                    .filter(id -> !items.stream().filter(it -> it.id().equals(id)).findFirst().orElseThrow()
                            .category().equals("c1")).toList();
            List<String> actual = new ArrayList<>();
            for (ScoreDoc hit : top.scoreDocs) {
                actual.add(searcher.storedFields().document(hit.doc).get(IndexSchema.ID));
            }
            assertEquals(expected, actual);
            assertEquals(expected.size(), searcher.count(bool));
        }
    }

    @Test
    public void rewrittenQueryRefusesAnotherReader() throws IOException {
        List<Item> items = TestItems.random(random(), 50, DIM, 2);
        IndexMetadata metadata = TestItems.metadata(items, DIM, 0.1f);
        try (Directory a = newDirectory(); Directory b = newDirectory();
                DirectoryReader ra = TestItems.index(a, random(), items, metadata);
                DirectoryReader rb = TestItems.index(b, random(), items, metadata)) {
            VisualSimilarityQuery q = new VisualSimilarityQuery(IndexSchema.VECTOR,
                    TestItems.unitVector(random(), DIM), 5, 10, null, null, null);
            IndexSearcher searcherA = new IndexSearcher(ra);
            org.apache.lucene.search.Query rewritten = searcherA.rewrite(q);
            expectThrows(IllegalStateException.class, () -> new IndexSearcher(rb).search(rewritten, 5));
        }
    }
}
