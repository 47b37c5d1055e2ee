package dev.lookalike.search.query;

import dev.lookalike.search.SearchInputException;
import dev.lookalike.search.query.nearest.SearchStrategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What to search for: an immutable, validated value, built with {@link #builder(QueryVector)} and run by a
 * {@link SimilaritySearcher}.
 *
 * <p>The search takes the {@link #numCandidates()} nearest items that pass every filter (per segment an exact
 * scan of the filter's matches, an HNSW walk with the filter applied during the walk, or Lucene's ACORN-style
 * filtered walk, whichever the estimated costs favour unless {@link #strategy()} forces one), adds with {@link #text()} the {@link #numCandidates()} best BM25 matches that pass the filters,
 * scores this union and returns the best {@link #k()}. The score of a candidate is
 * <pre>
 *   visual = rerank ? (1 − w)·similarity + w·agreement : similarity
 *   score  = text != null ? (1 − t)·visual + t·textScore : visual
 * </pre>
 * where similarity is the cosine to the query vector, agreement the Bhattacharyya coefficient of the query's
 * and the item's distributions over the index's categories, w the {@link #rerankWeight()} (or the index's
 * default: the model's own, else {@link #DEFAULT_RERANK_WEIGHT}; see {@link #effectiveRerankWeight}), t the
 * {@link #textWeight()} and textScore the item's BM25 score divided by the best BM25 score among the
 * candidates. {@link #minSimilarity()} drops candidates by cosine before scoring.
 *
 * <p>The query's distribution is the softmax of its negative squared distances to the proxies over the
 * temperature. An item's distribution comes from its catalogue category when the index has a proxy for it
 * (all of the probability there; shared equally among several), since the catalogue knows what an item is
 * better than the model can guess from its image; an item without one gets the model's distribution, like
 * the query. The agreement with a one-category item is thus √p, p the query's probability of that category.
 *
 * <p>Why normalised score fusion rather than reciprocal rank fusion: the similarity and the agreement are
 * already on a fixed scale, and a user's minimum similarity and re-ranking weight are defined on those
 * scales; rank fusion would throw the magnitudes away, so that a near-duplicate and a barely related item one
 * rank apart would count almost the same, and the score's parts would no longer add up to the score. BM25 has
 * no fixed scale, so it alone is normalised, by the best text score of the same candidates, which keeps an
 * exact text match at 1 and no match at 0.
 */
public final class SimilarityQuery {

    /** The largest {@link #k()}. */
    public static final int MAX_K = 10_000;
    /** The largest {@link #numCandidates()}. */
    public static final int MAX_CANDIDATES = 10_000;
    /** The text weight when text is given and no weight is. */
    public static final float DEFAULT_TEXT_WEIGHT = 0.3f;
    /**
     * The re-ranking weight when neither the query nor the index's model names one (a bundle names its own in
     * its spec's {@code rerank_weight}, chosen for it), with {@link #DEFAULT_RERANK_TEMPERATURE}: chosen on
     * Fashion-MNIST's validation split for a Proxy-NCA model without proxy anchoring (the {@code fashion}
     * network trained on the other 55,000 training images) as the pair with the best MAP@R among those that lift
     * Recall@1 by at least half a point while costing Recall@8 at most half a point; stronger re-ranking lifts
     * MAP@R further but fills the top results with the query's predicted category, wrong ones included when the
     * prediction is. See docs/quality.md for the sweep and the command.
     */
    public static final float DEFAULT_RERANK_WEIGHT = 0.05f;
    /**
     * The softmax temperature of re-ranking when none is given (see {@link #DEFAULT_RERANK_WEIGHT}). Softer than
     * the model's own, so that agreement tips close calls rather than sorting results by predicted category.
     */
    public static final float DEFAULT_RERANK_TEMPERATURE = 0.5f;

    private final QueryVector vector;
    private final int k;
    private final int numCandidates;
    private final Float minSimilarity;
    private final List<SearchFilter> filters;
    private final String text;
    private final float textWeight;
    private final boolean rerank;
    private final Float rerankWeight;
    private final Float rerankTemperature;
    private final boolean excludeQueryItem;
    private final SearchStrategy strategy;

    private SimilarityQuery(Builder b) {
        this.vector = b.vector;
        this.k = b.k;
        this.numCandidates = b.numCandidates;
        this.minSimilarity = b.minSimilarity;
        this.filters = List.copyOf(b.filters);
        this.text = b.text;
        this.textWeight = b.textWeight;
        this.rerank = b.rerank;
        this.rerankWeight = b.rerankWeight;
        this.rerankTemperature = b.rerankTemperature;
        this.excludeQueryItem = b.excludeQueryItem;
        this.strategy = b.strategy;
    }

    /**
     * @param vector where the query vector comes from
     * @return a builder with k = 10, no filters, no text, no re-ranking
     */
    public static Builder builder(QueryVector vector) {
        return new Builder(vector);
    }

    /** @return where the query vector comes from */
    public QueryVector vector() {
        return vector;
    }

    /** @return how many results at most, 1 to {@value #MAX_K} */
    public int k() {
        return k;
    }

    /** @return how many nearest items (and text matches) are scored, {@code k} to {@value #MAX_CANDIDATES} */
    public int numCandidates() {
        return numCandidates;
    }

    /** @return the smallest cosine similarity a result may have, or {@code null} for no bound */
    public Float minSimilarity() {
        return minSimilarity;
    }

    /** @return the filters, all of which a result meets */
    public List<SearchFilter> filters() {
        return filters;
    }

    /** @return the text to fuse by BM25, or {@code null} for a purely visual search */
    public String text() {
        return text;
    }

    /** @return the weight of the text score, 0 to 1 */
    public float textWeight() {
        return textWeight;
    }

    /** @return whether proxy re-ranking is on */
    public boolean rerank() {
        return rerank;
    }

    /**
     * @return the weight of proxy agreement when re-ranking, 0 to 1, or {@code null} for the index's default
     *         (see {@link #effectiveRerankWeight})
     */
    public Float rerankWeight() {
        return rerankWeight;
    }

    /** @return the softmax temperature for re-ranking, or {@code null} for {@link #DEFAULT_RERANK_TEMPERATURE} */
    public Float rerankTemperature() {
        return rerankTemperature;
    }

    /** @return whether a query by item leaves that item out of its results */
    public boolean excludeQueryItem() {
        return excludeQueryItem;
    }

    /** @return how the nearest items are found; {@link SearchStrategy#AUTO} (by cost) unless forced */
    public SearchStrategy strategy() {
        return strategy;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SimilarityQuery q && vector.equals(q.vector) && k == q.k
                && numCandidates == q.numCandidates && Objects.equals(minSimilarity, q.minSimilarity)
                && filters.equals(q.filters) && Objects.equals(text, q.text) && textWeight == q.textWeight
                && rerank == q.rerank && Objects.equals(rerankWeight, q.rerankWeight)
                && Objects.equals(rerankTemperature, q.rerankTemperature) && excludeQueryItem == q.excludeQueryItem
                && strategy == q.strategy;
    }

    @Override
    public int hashCode() {
        return Objects.hash(vector, k, numCandidates, minSimilarity, filters, text, textWeight, rerank,
                rerankWeight, rerankTemperature, excludeQueryItem, strategy);
    }

    @Override
    public String toString() {
        return "SimilarityQuery[" + vector + ", k=" + k + ", candidates=" + numCandidates
                + (minSimilarity == null ? "" : ", min_similarity=" + minSimilarity)
                + (filters.isEmpty() ? "" : ", filters=" + filters)
                + (text == null ? "" : ", text='" + text + "' weight " + textWeight)
                + (rerank ? ", rerank weight " + (rerankWeight == null ? "default" : rerankWeight)
                        + (rerankTemperature == null ? "" : " temperature " + rerankTemperature) : "")
                + (strategy == SearchStrategy.AUTO ? "" : ", strategy=" + strategy)
                + "]";
    }

    /** Collects a query's options; {@link #build()} checks them. Not thread-safe. */
    public static final class Builder {

        private final QueryVector vector;
        private int k = 10;
        private Integer numCandidatesOrDefault;
        private int numCandidates;
        private Float minSimilarity;
        private final List<SearchFilter> filters = new ArrayList<>();
        private String text;
        private Float textWeightOrDefault;
        private float textWeight;
        private boolean rerank;
        private Float rerankWeight;
        private Float rerankTemperature;
        private boolean excludeQueryItem = true;
        private SearchStrategy strategy = SearchStrategy.AUTO;

        private Builder(QueryVector vector) {
            this.vector = vector;
        }

        /**
         * @param value how many results at most
         * @return this builder
         */
        public Builder k(int value) {
            this.k = value;
            return this;
        }

        /**
         * @param value how many candidates to score; by default {@code min(10000, max(100, 2k))}
         * @return this builder
         */
        public Builder numCandidates(int value) {
            this.numCandidatesOrDefault = value;
            return this;
        }

        /**
         * @param value the smallest cosine similarity of a result, -1 to 1, or {@code null} for none
         * @return this builder
         */
        public Builder minSimilarity(Float value) {
            this.minSimilarity = value;
            return this;
        }

        /**
         * @param filter a filter every result must pass
         * @return this builder
         */
        public Builder filter(SearchFilter filter) {
            this.filters.add(Objects.requireNonNull(filter, "filter"));
            return this;
        }

        /**
         * @param value text to fuse by BM25 on title and description, or {@code null}/blank for none
         * @return this builder
         */
        public Builder text(String value) {
            this.text = value == null || value.isBlank() ? null : value;
            return this;
        }

        /**
         * @param value the weight of the text score, 0 to 1; {@value #DEFAULT_TEXT_WEIGHT} by default
         * @return this builder
         */
        public Builder textWeight(float value) {
            this.textWeightOrDefault = value;
            return this;
        }

        /**
         * @param on whether to re-rank by proxy agreement
         * @return this builder
         */
        public Builder rerank(boolean on) {
            this.rerank = on;
            return this;
        }

        /**
         * @param value the weight of proxy agreement, 0 to 1, or {@code null} (the default) for the index's
         *              default, which is its model's or else {@value #DEFAULT_RERANK_WEIGHT}
         * @return this builder
         */
        public Builder rerankWeight(Float value) {
            this.rerankWeight = value;
            return this;
        }

        /**
         * @param value the re-ranking softmax temperature, positive, or {@code null} for
         *              {@value #DEFAULT_RERANK_TEMPERATURE}
         * @return this builder
         */
        public Builder rerankTemperature(Float value) {
            this.rerankTemperature = value;
            return this;
        }

        /**
         * @param value whether a query by item leaves that item out (the default)
         * @return this builder
         */
        public Builder excludeQueryItem(boolean value) {
            this.excludeQueryItem = value;
            return this;
        }

        /**
         * Forces how the nearest items are found in every segment, for benchmarks and tests; by default
         * ({@link SearchStrategy#AUTO}) each segment is searched the way its estimated cost favours.
         *
         * @param value the strategy
         * @return this builder
         * @throws NullPointerException if {@code value} is {@code null}
         */
        public Builder strategy(SearchStrategy value) {
            this.strategy = Objects.requireNonNull(value, "strategy");
            return this;
        }

        /**
         * @return the query
         * @throws SearchInputException naming the option that is missing or out of range
         */
        public SimilarityQuery build() {
            if (vector == null) {
                throw new SearchInputException("query vector", "is missing; give a vector or an item id");
            }
            if (vector instanceof QueryVector.OfItem item && item.id().isBlank()) {
                throw new SearchInputException("query option id", "is empty");
            }
            requireK("query option k", k);
            numCandidates = numCandidatesOrDefault != null ? numCandidatesOrDefault
                    : defaultCandidates(k);
            requireCandidates("query option num_candidates", k, numCandidates);
            if (minSimilarity != null && !(minSimilarity >= -1 && minSimilarity <= 1)) {
                throw new SearchInputException("query option min_similarity",
                        "must be a cosine between -1 and 1, got " + minSimilarity);
            }
            textWeight = textWeightOrDefault != null ? textWeightOrDefault : DEFAULT_TEXT_WEIGHT;
            requireWeight("query option text_weight", textWeight);
            if (rerankWeight != null) {
                requireWeight("query option rerank_weight", rerankWeight);
            }
            requireTemperature("query option rerank_temperature", rerankTemperature);
            return new SimilarityQuery(this);
        }
    }

    /**
     * The rule for how many candidates a query scores when it does not say: enough for HNSW's recall and for
     * re-ranking to have something to reorder, for adapters that build their own queries.
     *
     * @param k how many results, 1 to {@value #MAX_K}
     * @return {@code min(}{@value #MAX_CANDIDATES}{@code , max(100, 2k))}
     */
    public static int defaultCandidates(int k) {
        return Math.min(MAX_CANDIDATES, Math.max(100, 2 * k));
    }

    /**
     * The rule for how many results a search may ask for, for adapters that check their options before building
     * queries (OpenSearch's {@code k}, Solr's {@code topK}).
     *
     * @param input how to name the value in the error, e.g. an option of the adapter
     * @param k     the number of results
     * @throws SearchInputException naming {@code input} and the value unless {@code 1 <= k <= }{@value #MAX_K}
     */
    public static void requireK(String input, int k) {
        if (k < 1 || k > MAX_K) {
            throw new SearchInputException(input, "must be between 1 and " + MAX_K + ", got " + k);
        }
    }

    /**
     * The rule for how many candidates a search may score, for adapters that check their options before building
     * queries.
     *
     * @param input         how to name the value in the error
     * @param k             the number of results, already checked by {@link #requireK}
     * @param numCandidates the number of candidates
     * @throws SearchInputException naming {@code input} and the value unless
     *                              {@code k <= numCandidates <= }{@value #MAX_CANDIDATES}
     */
    public static void requireCandidates(String input, int k, int numCandidates) {
        if (numCandidates < k || numCandidates > MAX_CANDIDATES) {
            throw new SearchInputException(input, "must be between k (" + k + ") and " + MAX_CANDIDATES + ", got "
                    + numCandidates);
        }
    }

    /**
     * The rule for a fusion weight (text or re-ranking), for adapters that check their options before
     * building queries.
     *
     * @param input how to name the value in the error, e.g. an option of the adapter
     * @param value the weight
     * @throws SearchInputException naming {@code input} unless the weight is between 0 and 1
     */
    public static void requireWeight(String input, float value) {
        if (!(value >= 0 && value <= 1)) {
            throw new SearchInputException(input, "must be between 0 and 1, got " + value);
        }
    }

    /**
     * The re-ranking weight a search uses: the one rule for the core's searcher and every adapter.
     *
     * @param requested   the weight the query names, or {@code null}
     * @param modelWeight the weight the model's bundle chose for itself, or {@code null}
     * @return the query's weight, else the model's, else {@link #DEFAULT_RERANK_WEIGHT}
     */
    public static float effectiveRerankWeight(Float requested, Float modelWeight) {
        return requested != null ? requested : modelWeight != null ? modelWeight : DEFAULT_RERANK_WEIGHT;
    }

    /**
     * The rule for a re-ranking temperature, for adapters that check their options before building queries.
     *
     * @param input how to name the value in the error, e.g. an option of the adapter
     * @param value the temperature, or {@code null} for the index's
     * @throws SearchInputException naming {@code input} unless the temperature is null or positive and finite
     */
    public static void requireTemperature(String input, Float value) {
        if (value != null && !(value > 0 && Float.isFinite(value))) {
            throw new SearchInputException(input, "must be a positive number, got " + value);
        }
    }
}
