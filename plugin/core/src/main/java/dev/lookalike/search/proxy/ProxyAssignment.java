package dev.lookalike.search.proxy;

import dev.lookalike.analyzer.model.ProxyClassifier;
import java.util.Objects;

/**
 * An item's (or a query's) place among the index's categories: its distribution over them and the most
 * probable one.
 *
 * @param generation   the generation of the proxies it was computed with
 * @param distribution the probability of each category, in {@link IndexProxies} order, summing to 1
 * @param category     the most probable category
 * @param probability  its probability
 */
public record ProxyAssignment(long generation, float[] distribution, String category, float probability) {

    /** Checks the parts are present. */
    public ProxyAssignment {
        Objects.requireNonNull(distribution, "distribution");
        Objects.requireNonNull(category, "category");
    }

    /**
     * Assigns a vector with the proxies' own temperature: the softmax over proxies of -||x - p||² / T, through
     * the analyzer's {@link ProxyClassifier}. Costs O(categories x dimension).
     *
     * @param proxies the index's proxies, not empty
     * @param vector  a unit vector
     * @return the assignment
     * @throws IllegalStateException if there are no proxies
     */
    public static ProxyAssignment of(IndexProxies proxies, float[] vector) {
        return of(proxies, vector, proxies.temperature());
    }

    /**
     * Assigns a vector at a chosen temperature. Costs O(categories x dimension).
     *
     * @param proxies     the index's proxies, not empty
     * @param vector      a unit vector
     * @param temperature the softmax temperature, positive
     * @return the assignment
     * @throws IllegalStateException if there are no proxies
     */
    public static ProxyAssignment of(IndexProxies proxies, float[] vector, float temperature) {
        ProxyClassifier classifier = proxies.classifier(temperature);
        float[] distribution = classifier.probabilities(vector);
        int best = 0;
        for (int c = 1; c < distribution.length; c++) {
            if (distribution[c] > distribution[best]) {
                best = c;
            }
        }
        return new ProxyAssignment(proxies.generation(), distribution,
                proxies.proxies().get(best).category(), distribution[best]);
    }
}
