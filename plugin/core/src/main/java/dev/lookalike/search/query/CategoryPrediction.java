package dev.lookalike.search.query;

/**
 * The category the index's proxies predict for a query vector.
 *
 * @param category    the most probable of the index's categories
 * @param probability its probability under the proxy softmax
 */
public record CategoryPrediction(String category, double probability) {
}
