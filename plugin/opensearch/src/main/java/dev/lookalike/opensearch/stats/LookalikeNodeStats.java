package dev.lookalike.opensearch.stats;

import dev.lookalike.analyzer.image.PixelBudget;
import dev.lookalike.analyzer.model.NodeEmbedder;
import dev.lookalike.analyzer.stats.EmbeddingTimes;
import dev.lookalike.opensearch.InferenceThreadPool;
import dev.lookalike.opensearch.proxy.CatalogueProxiesCache;
import dev.lookalike.opensearch.query.SimilaritySearchStats;
import java.time.Instant;
import org.opensearch.threadpool.ThreadPool;
import org.opensearch.threadpool.ThreadPoolStats;

/**
 * Where this node's figures live, read together into {@link NodeFigures}: the search counter, the embedder's
 * counters and in-flight budget, the embedding times, the inference pool's stats and the catalogue-proxies cache.
 * One per node; reading costs a few counter sums and histogram folds, so it runs on the calling thread.
 */
public final class LookalikeNodeStats {

    private final SimilaritySearchStats searches;
    private final NodeEmbedder embedder;
    private final EmbeddingTimes times;
    private final CatalogueProxiesCache catalogueProxies;
    private final ThreadPool threadPool;

    /**
     * @param searches         the node's search counter
     * @param embedder         the node's embedder
     * @param times            the embedding times its embedder reports
     * @param catalogueProxies the node's cache of parsed catalogue proxies
     * @param threadPool       the node's thread pools, among them the inference pool
     */
    public LookalikeNodeStats(SimilaritySearchStats searches, NodeEmbedder embedder, EmbeddingTimes times,
            CatalogueProxiesCache catalogueProxies, ThreadPool threadPool) {
        this.searches = searches;
        this.embedder = embedder;
        this.times = times;
        this.catalogueProxies = catalogueProxies;
        this.threadPool = threadPool;
    }

    /** @return the node's figures now */
    public NodeFigures read() {
        PixelBudget budget = embedder.budget();
        NodeFigures.InferencePool pool = new NodeFigures.InferencePool(0, 0, 0, 0, 0);
        for (ThreadPoolStats.Stats stats : threadPool.stats()) {
            if (stats.getName().equals(InferenceThreadPool.NAME)) {
                pool = new NodeFigures.InferencePool(stats.getThreads(), stats.getQueue(), stats.getActive(),
                        stats.getRejected(), stats.getCompleted());
            }
        }
        Instant loadedAt = embedder.loadedAt();
        return new NodeFigures(searches.searches(),
                new NodeFigures.Images(embedder.embeddedImages(), embedder.batches(), times.batchSizes(),
                        times.decodeMillis(), times.inferenceMillis()),
                new NodeFigures.Memory(budget.inFlightBytes(), budget.maxBytes(), budget.rejected()),
                pool,
                new NodeFigures.Model(embedder.model(), loadedAt != null, loadedAt == null ? -1 : loadedAt.toEpochMilli()),
                new NodeFigures.ProxyCache(catalogueProxies.entries(), catalogueProxies.hits(),
                        catalogueProxies.misses()));
    }
}
