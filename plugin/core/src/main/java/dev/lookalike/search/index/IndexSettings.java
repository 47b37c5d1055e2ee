package dev.lookalike.search.index;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.lookalike.search.SearchInputException;

/**
 * How the vector field of an index is built. Fixed when the index is created and stored in its metadata.
 *
 * @param dimension    the embedding dimension, 1 to {@value #MAX_DIMENSION}
 * @param hnswM        HNSW's maximum connections per node, 2 to 512: more costs memory and indexing time
 *                     and buys recall
 * @param beamWidth    HNSW's candidate list size while building the graph, 1 to 3200: more costs indexing
 *                     time and buys graph quality
 * @param quantization how vectors are kept for search
 * @param mergeWorkers threads that build one merged HNSW graph, 1 to 64; above 1 the merge scheduler's
 *                     intra-merge executor runs them (large merges only)
 * @param sortedByCategory whether the index is sorted by catalogue category ({@link IndexSchema#categorySort()}),
 *                     so that each category is one contiguous run of documents and of vectors: a category
 *                     filter becomes a doc-id range and its exact scan reads vectors in one sweep. Off unless
 *                     asked for (sorting builds the graph one category after another, which costs unfiltered
 *                     recall, see docs/benchmarks.md); {@code false} in indices whose metadata predates it (a sort
 *                     cannot be added to existing segments; rebuild into a new folder)
 */
public record IndexSettings(
        @JsonProperty("dimension") int dimension,
        @JsonProperty("hnsw_m") int hnswM,
        @JsonProperty("beam_width") int beamWidth,
        @JsonProperty("quantization") Quantization quantization,
        @JsonProperty("merge_workers") int mergeWorkers,
        @JsonProperty("sorted_by_category") boolean sortedByCategory) {

    /** The largest dimension Lucene's default vector formats accept. */
    public static final int MAX_DIMENSION = 1024;
    /** The smallest HNSW {@code m}. */
    public static final int MIN_M = 2;
    /** The largest HNSW {@code m}. */
    public static final int MAX_M = 512;
    /** The largest HNSW beam width. */
    public static final int MAX_BEAM_WIDTH = 3200;
    /**
     * HNSW {@code m} of a new index: twice Lucene's 16. Embeddings trained with proxies sit in tight clusters,
     * which a graph of 16 connections per node ranks poorly; with 32 connections and a narrower beam (below) the
     * build costs what Lucene's defaults cost and recall@10 at a million vectors and 100 candidates rises from
     * 0.864 to 0.938 (docs/benchmarks.md, "Choosing the graph").
     */
    public static final int DEFAULT_M = 32;
    /** HNSW beam width while building a new index: 64, against Lucene's 100, to keep the build time of m 16. */
    public static final int DEFAULT_BEAM_WIDTH = 64;

    /**
     * Settings of an index not sorted by category.
     *
     * @param dimension    the embedding dimension
     * @param hnswM        HNSW's maximum connections per node
     * @param beamWidth    HNSW's candidate list size while building the graph
     * @param quantization how vectors are kept for search
     * @param mergeWorkers threads that build one merged HNSW graph
     * @throws SearchInputException naming the setting that is out of range
     */
    public IndexSettings(int dimension, int hnswM, int beamWidth, Quantization quantization, int mergeWorkers) {
        this(dimension, hnswM, beamWidth, quantization, mergeWorkers, false);
    }

    /**
     * @throws SearchInputException naming the setting that is out of range
     */
    public IndexSettings {
        requireRange("dimension", dimension, 1, MAX_DIMENSION);
        requireRange("hnsw_m", hnswM, MIN_M, MAX_M);
        requireRange("beam_width", beamWidth, 1, MAX_BEAM_WIDTH);
        requireRange("merge_workers", mergeWorkers, 1, 64);
        if (quantization == null) {
            throw new SearchInputException("index setting quantization", "is missing; expected NONE or INT8");
        }
    }

    /**
     * @param dimension the embedding dimension
     * @return Lucene's default HNSW parameters, no quantization, one merge worker per available core, not sorted
     *         by category
     * @throws SearchInputException if the dimension is out of range
     */
    public static IndexSettings defaults(int dimension) {
        return new IndexSettings(dimension, DEFAULT_M, DEFAULT_BEAM_WIDTH, Quantization.NONE,
                Math.min(64, Runtime.getRuntime().availableProcessors()), false);
    }

    /**
     * @param sorted whether the index is to be sorted by category
     * @return these settings with that sort choice
     */
    public IndexSettings withSortedByCategory(boolean sorted) {
        return new IndexSettings(dimension, hnswM, beamWidth, quantization, mergeWorkers, sorted);
    }

    private static void requireRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new SearchInputException("index setting " + name,
                    "must be between " + min + " and " + max + ", got " + value);
        }
    }
}
