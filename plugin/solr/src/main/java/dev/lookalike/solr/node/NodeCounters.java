package dev.lookalike.solr.node;

import java.util.concurrent.atomic.LongAdder;

/**
 * What the node's searches did since it started, counted by the query parser: {@code {!image_knn}} queries built,
 * and among the re-ranked ones, those that found their core's catalogue proxies and those that fell back to the
 * model's. Thread-safe; a count is a {@link LongAdder} increment.
 */
public final class NodeCounters {

    private final LongAdder similaritySearches = new LongAdder();
    private final LongAdder catalogueProxiesFound = new LongAdder();
    private final LongAdder catalogueProxiesMissing = new LongAdder();

    /** Creates counters at zero. */
    public NodeCounters() {
    }

    /** Counts one {@code {!image_knn}} query built. */
    public void similaritySearch() {
        similaritySearches.increment();
    }

    /**
     * Counts one re-ranked query.
     *
     * @param catalogue whether it found its core's catalogue proxies for its field, rather than the model's
     */
    public void rerank(boolean catalogue) {
        (catalogue ? catalogueProxiesFound : catalogueProxiesMissing).increment();
    }

    /** @return {@code {!image_knn}} queries built since the node started */
    public long similaritySearches() {
        return similaritySearches.sum();
    }

    /** @return re-ranked queries that found their core's catalogue proxies */
    public long catalogueProxiesFound() {
        return catalogueProxiesFound.sum();
    }

    /** @return re-ranked queries that fell back to the model's proxies, their field having no catalogue proxies */
    public long catalogueProxiesMissing() {
        return catalogueProxiesMissing.sum();
    }
}
