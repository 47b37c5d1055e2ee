package dev.lookalike.opensearch.query;

import java.util.concurrent.atomic.LongAdder;

/**
 * What this node's {@code image_knn} queries cost: how many shard-level similarity searches (the HNSW walk or
 * the exact scan, then scoring and re-ranking) the node has run since it started. A search request runs one
 * per shard it reaches; more would mean that OpenSearch ran the expensive part again for a later phase
 * (fetch, highlighting, DFS), which {@link ShardSimilarityQuery} prevents. Thread-safe; costs one uncontended
 * add per search.
 */
public final class SimilaritySearchStats {

    private final LongAdder searches = new LongAdder();

    /** Creates a node's figures, all zero. */
    public SimilaritySearchStats() {
    }

    /** Counts one shard-level similarity search. */
    void recordSearch() {
        searches.increment();
    }

    /** @return how many shard-level similarity searches this node has run */
    public long searches() {
        return searches.sum();
    }
}
