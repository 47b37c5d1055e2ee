package dev.lookalike.tools.bench.search;

import dev.lookalike.tools.bench.corpus.FilterSelectivity;

/**
 * The kinds of query {@code lookalike bench search} times, in the order it runs and prints them: bare Lucene
 * {@code KnnFloatVectorQuery} (the obvious alternative, with its default and its ACORN-style filtered walk) and
 * Lookalike's {@code SimilaritySearcher}, without and with a {@link FilterSelectivity} filter or a
 * {@link CategoryFilter} (the query's category or another), and proxy re-ranking.
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
    /** Bare Lucene kNN with the 10 % filter as a term query. */
    LUCENE_FILTER_10("lucene knn filter 10 %", true, FilterSelectivity.TEN_PERCENT, false),
    /** Bare Lucene kNN with the 1 % filter as a term query. */
    LUCENE_FILTER_1("lucene knn filter 1 %", true, FilterSelectivity.ONE_PERCENT, false),
    /** Bare Lucene kNN with the 0.1 % filter as a term query. */
    LUCENE_FILTER_01("lucene knn filter 0.1 %", true, FilterSelectivity.TENTH_PERCENT, false),
    /** Lookalike, filter keeping 10 %, re-ranked by proxy agreement. */
    LOOKALIKE_FILTER_10_RERANK("lookalike filter 10 % + rerank", false, FilterSelectivity.TEN_PERCENT, true),
    /** Lookalike, filter keeping 1 %, re-ranked by proxy agreement. */
    LOOKALIKE_FILTER_1_RERANK("lookalike filter 1 % + rerank", false, FilterSelectivity.ONE_PERCENT, true),
    /** Lookalike, filter keeping 0.1 %, re-ranked by proxy agreement: the selective-filter case. */
    LOOKALIKE_FILTER_01_RERANK("lookalike filter 0.1 % + rerank", false, FilterSelectivity.TENTH_PERCENT, true),
    /** Lookalike, no filter, re-ranked by proxy agreement. */
    LOOKALIKE_RERANK("lookalike + rerank", false, null, true),
    /** Bare Lucene kNN with the 10 % filter and Lucene's ACORN-style filtered walk. */
    LUCENE_ACORN_FILTER_10("lucene knn acorn filter 10 %", true, FilterSelectivity.TEN_PERCENT, false, null, true),
    /** Bare Lucene kNN with the 1 % filter and Lucene's ACORN-style filtered walk. */
    LUCENE_ACORN_FILTER_1("lucene knn acorn filter 1 %", true, FilterSelectivity.ONE_PERCENT, false, null, true),
    /** Lookalike, the query's own category. */
    LOOKALIKE_SAME_CATEGORY("lookalike same category", false, null, false, CategoryFilter.SAME, false),
    /** Lookalike, the query's own category, re-ranked by proxy agreement. */
    LOOKALIKE_SAME_CATEGORY_RERANK("lookalike same category + rerank", false, null, true, CategoryFilter.SAME, false),
    /** Lookalike, another category than the query's. */
    LOOKALIKE_OTHER_CATEGORY("lookalike other category", false, null, false, CategoryFilter.OTHER, false),
    /** Lookalike, another category, re-ranked by proxy agreement. */
    LOOKALIKE_OTHER_CATEGORY_RERANK("lookalike other category + rerank", false, null, true, CategoryFilter.OTHER,
            false),
    /** Bare Lucene kNN, the query's own category. */
    LUCENE_SAME_CATEGORY("lucene knn same category", true, null, false, CategoryFilter.SAME, false),
    /** Bare Lucene kNN with the ACORN-style walk, the query's own category. */
    LUCENE_ACORN_SAME_CATEGORY("lucene knn acorn same category", true, null, false, CategoryFilter.SAME, true),
    /** Bare Lucene kNN, another category. */
    LUCENE_OTHER_CATEGORY("lucene knn other category", true, null, false, CategoryFilter.OTHER, false),
    /** Bare Lucene kNN with the ACORN-style walk, another category. */
    LUCENE_ACORN_OTHER_CATEGORY("lucene knn acorn other category", true, null, false, CategoryFilter.OTHER, true);

    private final String label;
    private final boolean bareLucene;
    private final FilterSelectivity filter;
    private final boolean rerank;
    private final CategoryFilter category;
    private final boolean acorn;

    SearchKind(String label, boolean bareLucene, FilterSelectivity filter, boolean rerank) {
        this(label, bareLucene, filter, rerank, null, false);
    }

    SearchKind(String label, boolean bareLucene, FilterSelectivity filter, boolean rerank, CategoryFilter category,
            boolean acorn) {
        this.label = label;
        this.bareLucene = bareLucene;
        this.filter = filter;
        this.rerank = rerank;
        this.category = category;
        this.acorn = acorn;
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

    /** @return its category filter, or {@code null} for none */
    public CategoryFilter category() {
        return category;
    }

    /** @return whether bare Lucene walks with its ACORN-style filtered strategy */
    boolean acorn() {
        return acorn;
    }
}
