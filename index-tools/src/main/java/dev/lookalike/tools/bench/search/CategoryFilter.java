package dev.lookalike.tools.bench.search;

/**
 * A category filter of {@code lookalike bench search} that depends on the query: the query's own category (the
 * filter agrees with what the query looks like, and its nearest neighbours pass it) or another one (the filter
 * excludes the query's own neighbourhood, the case a plain filtered HNSW walk handles worst). A query's category
 * is that of its nearest corpus item.
 */
public enum CategoryFilter {
    /** The query's own category. */
    SAME("same category"),
    /** Another category than the query's. */
    OTHER("other category");

    private final String label;

    CategoryFilter(String label) {
        this.label = label;
    }

    /** @return how the table names it */
    public String label() {
        return label;
    }
}
