package dev.lookalike.search.query;

import dev.lookalike.search.proxy.IndexProxies;
import java.util.Objects;

/**
 * How a {@link VisualSimilarityQuery} re-ranks its candidates by proxy agreement: the proxies that give the
 * query and each item a distribution over categories, the softmax temperature of those distributions and the
 * weight of their agreement in the score. Immutable.
 *
 * @param proxies     the proxies, at least one
 * @param weight      the weight of agreement, 0 to 1
 * @param temperature the softmax temperature, positive
 */
public record ProxyRerank(IndexProxies proxies, float weight, float temperature) {

    /**
     * @throws dev.lookalike.search.SearchInputException if the weight or the temperature is out of range
     * @throws IllegalArgumentException                   if there are no proxies
     */
    public ProxyRerank {
        Objects.requireNonNull(proxies, "proxies");
        if (proxies.isEmpty()) {
            throw new IllegalArgumentException("re-ranking needs at least one proxy");
        }
        SimilarityQuery.requireWeight("rerank weight", weight);
        SimilarityQuery.requireTemperature("rerank temperature", temperature);
    }

    /**
     * @param proxies the proxies, at least one
     * @param weight  the weight of agreement, 0 to 1
     * @return a re-ranking at the proxies' own temperature
     */
    public static ProxyRerank of(IndexProxies proxies, float weight) {
        return new ProxyRerank(proxies, weight, proxies.temperature());
    }
}
