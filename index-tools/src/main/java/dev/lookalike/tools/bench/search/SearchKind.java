package dev.lookalike.tools.bench.search;

import dev.lookalike.tools.bench.corpus.FilterSelectivity;

/**
 * The kinds of query {@code lookalike bench search} times, in the order it runs and prints them: bare Lucene
 * {@code KnnFloatVectorQuery} (the obvious alternative) and Lookalike's {@code SimilaritySearcher}, without
 * and with a {@link FilterSelectivity} filter and proxy re-ranking.
 */
public enum SearchKind {
    /** Bare Lucene kNN on the vector field. */
    LUCENE("lucene knn", true, null, false),
    /** Lookalike, no filter, no re-ranking. */
    LOOKALIKE("lookalike", false, null, false),
    /** Lookalike, filter keeping 10 %. */
    LOOKALIKE_FILTER_10("lookalike filter 10 %", false, FilterSelectivity.TEN_PERCENT, false),
    /** Lookalike, filter keeping 1 %. */
    LOOKALIKE_FILTER_1("lookalike filter 1 %", false, FilterSelectivity.ONE_PERCENT, false),
    /** Lookalike, filter keeping 0.1 %. */
    LOOKALIKE_FILTER_01("lookalike filter 0.1 %", false, FilterSelectivity.TENTH_PERCENT, false),
    /** Bare Lucene kNN with the 1 % filter as a term query. */
    LUCENE_FILTER_1("lucene knn filter 1 %", true, FilterSelectivity.ONE_PERCENT, false),
    /** Lookalike, filter keeping 1 %, re-ranked by proxy agreement. */
    LOOKALIKE_FILTER_1_RERANK("lookalike filter 1 % + rerank", false, FilterSelectivity.ONE_PERCENT, true),
    /** Lookalike, filter keeping 0.1 %, re-ranked by proxy agreement: the selective-filter case. */
    LOOKALIKE_FILTER_01_RERANK("lookalike filter 0.1 % + rerank", false, FilterSelectivity.TENTH_PERCENT, true),
    /** Lookalike, no filter, re-ranked by proxy agreement. */
    LOOKALIKE_RERANK("lookalike + rerank", false, null, true);

    private final String label;
    private final boolean bareLucene;
    private final FilterSelectivity filter;
    private final boolean rerank;

    SearchKind(String label, boolean bareLucene, FilterSelectivity filter, boolean rerank) {
        this.label = label;
        this.bareLucene = bareLucene;
        this.filter = filter;
        this.rerank = rerank;
    }

    /** @return how the table and the JSON name it */
    public String label() {
        return label;
    }

    /** @return whether it is bare Lucene rather than Lookalike */
    boolean bareLucene() {
        return bareLucene;
    }

    /** @return its filter, or {@code null} for none */
    public FilterSelectivity filter() {
        return filter;
    }

    /** @return whether Lookalike re-ranks by proxy agreement */
    boolean rerank() {
        return rerank;
    }
}
