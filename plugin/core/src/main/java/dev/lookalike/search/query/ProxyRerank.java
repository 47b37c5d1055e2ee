package dev.lookalike.search.query;

import dev.lookalike.search.proxy.IndexProxies;
import java.util.Objects;

/**
 * How a {@link VisualSimilarityQuery} re-ranks its candidates by proxy agreement: the proxies that give the
 * query and each item a distribution over categories, the softmax temperature of the model's distributions,
 * the weight of agreement in the score, and the field that holds the items' catalogue categories (an item in
 * a category the proxies know takes it as its distribution, as {@link SimilarityQuery} describes). Immutable.
 *
 * @param proxies       the proxies, at least one
 * @param weight        the weight of agreement, 0 to 1
 * @param temperature   the softmax temperature, positive
 * @param categoryField a keyword field with doc values of the items' catalogue categories, or {@code null} to
 *                      use the model's distributions for every item
 */
public record ProxyRerank(IndexProxies proxies, float weight, float temperature, String categoryField) {

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
     * @param proxies       the proxies, at least one
     * @param weight        the weight of agreement, 0 to 1
     * @param categoryField the items' catalogue category field, or {@code null}
     * @return a re-ranking at {@link SimilarityQuery#DEFAULT_RERANK_TEMPERATURE}
     */
    public static ProxyRerank of(IndexProxies proxies, float weight, String categoryField) {
        return new ProxyRerank(proxies, weight, SimilarityQuery.DEFAULT_RERANK_TEMPERATURE, categoryField);
    }
}
