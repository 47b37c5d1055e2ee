package dev.lookalike.search.proxy;

import dev.lookalike.analyzer.model.Proxies;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Computes an index's proxies from its items: for each category present among the items, the model's learned
 * proxy when the model knows the category (exact name match), otherwise the normalised mean of the category's
 * item vectors. Categories without items get no proxy, and items without a category count for nothing. Sums
 * in double precision, so the result does not depend on the order items come in beyond float rounding. Costs
 * O(dimension) per item and O(categories x dimension) memory. Not thread-safe.
 */
public final class CategoryProxyBuilder {

    private final Map<String, float[]> learned = new HashMap<>();
    private final float temperature;
    private final TreeMap<String, double[]> sums = new TreeMap<>();
    private final Map<String, Integer> counts = new HashMap<>();

    /**
     * @param model       the model's proxies
     * @param temperature the model's softmax temperature
     */
    public CategoryProxyBuilder(Proxies model, float temperature) {
        for (int c = 0; c < model.classes().size(); c++) {
            learned.put(model.classes().get(c), model.vectors()[c]);
        }
        this.temperature = temperature;
    }

    /**
     * Counts one item.
     *
     * @param category its category, or {@code null} to ignore it
     * @param vector   its unit vector
     * @return this builder
     */
    public CategoryProxyBuilder add(String category, float[] vector) {
        if (category == null) {
            return this;
        }
        double[] sum = sums.computeIfAbsent(category, k -> new double[vector.length]);
        for (int i = 0; i < vector.length; i++) {
            sum[i] += vector[i];
        }
        counts.merge(category, 1, Integer::sum);
        return this;
    }

    /**
     * @param generation the generation to give the result
     * @return the proxies of the categories seen so far, sorted by name
     */
    public IndexProxies build(long generation) {
        List<CategoryProxy> proxies = new ArrayList<>();
        for (Map.Entry<String, double[]> e : sums.entrySet()) {
            String category = e.getKey();
            int items = counts.get(category);
            float[] model = learned.get(category);
            proxies.add(model != null
                    ? new CategoryProxy(category, true, items, model.clone())
                    : new CategoryProxy(category, false, items, normalisedMean(e.getValue())));
        }
        return new IndexProxies(generation, temperature, proxies);
    }

    private static float[] normalisedMean(double[] sum) {
        double length = 0;
        for (double x : sum) {
            length += x * x;
        }
        length = Math.sqrt(length);
        float[] out = new float[sum.length];
        for (int i = 0; i < sum.length; i++) {
            out[i] = length == 0 ? 0 : (float) (sum[i] / length);
        }
        return out;
    }
}
