package dev.lookalike.tools.bench.corpus;

import dev.lookalike.analyzer.model.VectorMath;
import java.util.HashMap;
import java.util.Map;

/**
 * The recall oracle of {@code lookalike bench search}: the exact nearest items of a query by dot product over
 * the whole synthetic corpus or over the items one filter keeps, by {@link VectorMath#nearest}. Costs
 * O(items searched x dimension) a query. Not thread-safe (it keeps each filter's gallery once made).
 */
public final class ExactNeighbours {

    private final SyntheticCorpus corpus;
    private final Map<String, float[][]> galleriesByKey = new HashMap<>();

    /** @param corpus the items to search */
    public ExactNeighbours(SyntheticCorpus corpus) {
        this.corpus = corpus;
    }

    /**
     * @param query  a unit query vector
     * @param filter the filter the items must pass, or {@code null} for all items
     * @param k      how many at most
     * @return the item indices of the {@code min(k, matching items)} most similar items, most similar first,
     *         ties broken by index
     */
    public int[] nearest(float[] query, FilterSelectivity filter, int k) {
        if (filter == null) {
            return VectorMath.nearest(query, corpus.vectors(), -1, k);
        }
        return nearestAmong(query, corpus.matching(filter), "filter " + filter.name(), k);
    }

    /**
     * @param query a unit query vector
     * @param items the item indices to search among, e.g. a category's ({@link SyntheticCorpus#inCategory})
     * @param key   names that set of items, for the cache of their vectors
     * @param k     how many at most
     * @return the item indices of the {@code min(k, items)} most similar items, most similar first
     */
    public int[] nearestAmong(float[] query, int[] items, String key, int k) {
        float[][] gallery = galleriesByKey.computeIfAbsent(key, c -> {
            float[][] vectors = new float[items.length][];
            for (int i = 0; i < items.length; i++) {
                vectors[i] = corpus.vectors()[items[i]];
            }
            return vectors;
        });
        int[] nearest = VectorMath.nearest(query, gallery, -1, k);
        for (int i = 0; i < nearest.length; i++) {
            nearest[i] = items[nearest[i]];
        }
        return nearest;
    }

    /**
     * @param found the items a search returned
     * @param exact the exact nearest items, as {@link #nearest} gives them
     * @return the share of the exact items that the search found, 0 to 1; 1 when there are none to find
     */
    public static double recall(int[] found, int[] exact) {
        if (exact.length == 0) {
            return 1;
        }
        int hits = 0;
        for (int e : exact) {
            for (int f : found) {
                if (f == e) {
                    hits++;
                    break;
                }
            }
        }
        return (double) hits / exact.length;
    }
}
