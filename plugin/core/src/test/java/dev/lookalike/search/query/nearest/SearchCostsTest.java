package dev.lookalike.search.query.nearest;

import org.apache.lucene.tests.util.LuceneTestCase;
import org.junit.Test;

/** The cost rule picks what issue 14's measurements favour at a million vectors and 100 candidates. */
public class SearchCostsTest extends LuceneTestCase {

    private static final int MILLION = 1_000_000;

    @Test
    public void aForcedStrategyIsKept() {
        for (SearchStrategy s : new SearchStrategy[] {SearchStrategy.EXACT, SearchStrategy.HNSW, SearchStrategy.ACORN}) {
            assertEquals(s, SearchCosts.choose(s, true, 5, true, MILLION, 100, Double.NaN));
        }
    }

    @Test
    public void fewerMatchesThanCandidatesAndSmallSegmentsAreScanned() {
        assertEquals(SearchStrategy.EXACT, SearchCosts.choose(SearchStrategy.AUTO, true, 100, false, MILLION, 100, 1));
        assertEquals(SearchStrategy.EXACT, SearchCosts.choose(SearchStrategy.AUTO, false, 2000, true, 2000, 100, 1));
    }

    @Test
    public void unfilteredLargeSegmentsAreWalked() {
        assertEquals(SearchStrategy.HNSW,
                SearchCosts.choose(SearchStrategy.AUTO, false, MILLION, true, MILLION, 100, Double.NaN));
    }

    @Test
    public void aSortedCategoryRangeIsScannedWhereScatteredMatchesAreWalked() {
        // 1 % keeping the query's neighbourhood: contiguous it is cheap to scan; scattered, the walk wins.
        assertEquals(SearchStrategy.EXACT,
                SearchCosts.choose(SearchStrategy.AUTO, true, 10_000, true, MILLION, 100, 0.9));
        assertEquals(SearchStrategy.HNSW,
                SearchCosts.choose(SearchStrategy.AUTO, true, 10_000, false, MILLION, 100, 0.9));
    }

    @Test
    public void aFilterThatExcludesTheNeighbourhoodTakesAcornOneThatKeepsItThePlainWalk() {
        assertEquals(SearchStrategy.ACORN,
                SearchCosts.choose(SearchStrategy.AUTO, true, 100_000, false, MILLION, 100, 0.001));
        assertEquals(SearchStrategy.HNSW,
                SearchCosts.choose(SearchStrategy.AUTO, true, 100_000, false, MILLION, 100, 0.95));
    }

    @Test
    public void aSortedCategoryFarFromTheQueryIsScannedNotWalked() {
        // Another category of a sorted segment: the ACORN walk would enter level 0 among the query's own
        // category and find no match within two hops; the plain walk would wade through the query's category.
        assertEquals(SearchStrategy.EXACT,
                SearchCosts.choose(SearchStrategy.AUTO, true, 100_000, true, MILLION, 100, 0.001));
    }
}
