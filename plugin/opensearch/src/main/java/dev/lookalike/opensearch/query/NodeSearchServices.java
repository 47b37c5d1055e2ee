package dev.lookalike.opensearch.query;

import dev.lookalike.opensearch.model.PooledEmbedder;
import dev.lookalike.opensearch.proxy.CatalogueProxiesCache;
import dev.lookalike.search.query.filter.FilterBitSetCache;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What an {@code image_knn} query needs from its node, made once by the plug-in and handed to every query it
 * parses or reads: the embedder for images still to embed, the search figures, the parsed catalogue proxies and
 * the filters' per-segment bit sets. None of it is part of a query's value or travels between nodes.
 *
 * @param embedder         the node's embedder (supplied lazily: it exists once the node has started)
 * @param stats            the node's search figures, which count each shard's search
 * @param catalogueProxies the node's parsed catalogue proxies
 * @param filterCache      the node's term-filter bit sets, per segment (category and keyword filters that repeat)
 */
public record NodeSearchServices(Supplier<PooledEmbedder> embedder, SimilaritySearchStats stats,
        CatalogueProxiesCache catalogueProxies, FilterBitSetCache filterCache) {

    /** Checks that nothing is missing. */
    public NodeSearchServices {
        Objects.requireNonNull(embedder, "embedder");
        Objects.requireNonNull(stats, "stats");
        Objects.requireNonNull(catalogueProxies, "catalogueProxies");
        Objects.requireNonNull(filterCache, "filterCache");
    }
}
