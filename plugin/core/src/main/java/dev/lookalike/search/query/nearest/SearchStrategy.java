package dev.lookalike.search.query.nearest;

/**
 * How the nearest documents within a filter are found in each segment. {@link #AUTO} picks one of the others
 * per query and per segment from their estimated costs ({@link SearchCosts}); the others force one, for
 * benchmarks and tests. Whatever the strategy, every result matches the filter and is live, and a filter
 * keeping no document returns nothing; a walk that visits more documents than the filter keeps falls back to
 * the exact scan, as Lucene's own kNN queries do.
 */
public enum SearchStrategy {
    /** Chosen per segment from estimated costs: the default. */
    AUTO,
    /**
     * Scores every matching document: O(matches x dimension), exact; cheapest for selective filters and small
     * segments, and cheaper still on a segment sorted by category where the matches are one contiguous run.
     */
    EXACT,
    /**
     * Lucene's HNSW walk with the filter checked on each collected node ({@code KnnSearchStrategy.Hnsw.DEFAULT}):
     * O(count x log n) distance computations divided by the share of the query's neighbourhood the filter keeps,
     * approximate; best unfiltered or when the filter keeps the query's own neighbourhood.
     */
    HNSW,
    /**
     * Lucene's ACORN-style filtered walk ({@code KnnSearchStrategy.Hnsw} with a filtered-search threshold),
     * which only steps onto matching nodes, looking two hops ahead: costs about a plain walk's distance
     * computations times a constant whatever the filter keeps, approximate; best when the filter excludes the
     * query's own neighbourhood, worse in time and recall than {@link #HNSW} when it keeps it.
     */
    ACORN
}
