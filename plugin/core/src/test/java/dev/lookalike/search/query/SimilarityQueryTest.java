package dev.lookalike.search.query;

import dev.lookalike.search.SearchInputException;
import java.util.function.UnaryOperator;
import org.apache.lucene.tests.util.LuceneTestCase;
import org.junit.Test;

public class SimilarityQueryTest extends LuceneTestCase {

    private static void assertRefused(String option, UnaryOperator<SimilarityQuery.Builder> options) {
        SearchInputException e = expectThrows(SearchInputException.class,
                () -> options.apply(SimilarityQuery.builder(QueryVector.of(new float[] {1, 0}))).build());
        assertEquals("query option " + option, e.input());
    }

    @Test
    public void outOfRangeOptionsAreRefusedNamingTheOption() {
        assertRefused("k", b -> b.k(0));
        assertRefused("k", b -> b.k(10_001));
        assertRefused("num_candidates", b -> b.k(50).numCandidates(49));
        assertRefused("num_candidates", b -> b.numCandidates(10_001));
        assertRefused("min_similarity", b -> b.minSimilarity(1.5f));
        assertRefused("min_similarity", b -> b.minSimilarity(Float.NaN));
        assertRefused("text_weight", b -> b.text("red").textWeight(-0.1f));
        assertRefused("rerank_weight", b -> b.rerank(true).rerankWeight(1.1f));
        assertRefused("rerank_temperature", b -> b.rerank(true).rerankTemperature(0f));
    }

    @Test
    public void limitsThemselvesAreAccepted() {
        SimilarityQuery q = SimilarityQuery.builder(QueryVector.of(new float[] {1, 0})).k(10_000).build();
        assertEquals(10_000, q.numCandidates());
        assertEquals(1, SimilarityQuery.builder(QueryVector.ofItem("x")).k(1).numCandidates(1).build().k());
    }

    @Test
    public void defaultCandidatesAreAtLeastKAndAtMostTheLimit() {
        for (int k = 1; k <= 10_000; k += 1 + random().nextInt(997)) {
            int c = SimilarityQuery.builder(QueryVector.ofItem("x")).k(k).build().numCandidates();
            assertTrue(c >= k && c <= SimilarityQuery.MAX_CANDIDATES);
        }
    }

    @Test
    public void equalQueriesAreEqualValues() {
        SimilarityQuery a = SimilarityQuery.builder(QueryVector.of(new float[] {1, 0})).k(5)
                .filter(SearchFilter.categories("Sneaker")).rerank(true).build();
        SimilarityQuery b = SimilarityQuery.builder(QueryVector.of(new float[] {1, 0})).k(5)
                .filter(SearchFilter.categories("Sneaker")).rerank(true).build();
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, SimilarityQuery.builder(QueryVector.of(new float[] {0, 1})).k(5)
                .filter(SearchFilter.categories("Sneaker")).rerank(true).build());
    }
}
