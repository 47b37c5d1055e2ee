package dev.lookalike.search.testing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/** Brute-force versions of what the core computes, written from the definitions, for tests to check against. */
public final class Oracle {

    private Oracle() {
    }

    /** @return Σ a·b in double precision */
    public static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (double) a[i] * b[i];
        }
        return s;
    }

    /** @return the softmax over proxies of -||x - p||² / T */
    public static double[] softmax(List<float[]> proxies, float[] x, double temperature) {
        double[] logits = new double[proxies.size()];
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < logits.length; c++) {
            double d2 = 0;
            for (int i = 0; i < x.length; i++) {
                double d = x[i] - proxies.get(c)[i];
                d2 += d * d;
            }
            logits[c] = -d2 / temperature;
            max = Math.max(max, logits[c]);
        }
        double sum = 0;
        for (int c = 0; c < logits.length; c++) {
            logits[c] = Math.exp(logits[c] - max);
            sum += logits[c];
        }
        for (int c = 0; c < logits.length; c++) {
            logits[c] /= sum;
        }
        return logits;
    }

    /** @return Σ √(p·q) */
    public static double bhattacharyya(double[] p, double[] q) {
        double s = 0;
        for (int c = 0; c < p.length; c++) {
            s += Math.sqrt(p[c] * q[c]);
        }
        return s;
    }

    /**
     * The item side of proxy agreement, from the definition: an item in a category the proxies know agrees by
     * the square root of the query's probability of it; any other by the Bhattacharyya coefficient with the
     * model's softmax of its vector.
     *
     * @param query       the query's distribution over the proxies
     * @param categories  the proxies' categories, in order
     * @param proxies     the proxy vectors, in the same order
     * @param category    the item's category, or {@code null}
     * @param vector      the item's vector
     * @param temperature the softmax temperature
     * @return the agreement
     */
    public static double agreement(double[] query, List<String> categories, List<float[]> proxies, String category,
            float[] vector, double temperature) {
        int c = category == null ? -1 : categories.indexOf(category);
        return c >= 0 ? Math.sqrt(query[c]) : bhattacharyya(query, softmax(proxies, vector, temperature));
    }

    /** @return the normalised mean of the vectors */
    public static float[] normalisedMean(List<float[]> vectors) {
        double[] sum = new double[vectors.get(0).length];
        for (float[] v : vectors) {
            for (int i = 0; i < v.length; i++) {
                sum[i] += v[i];
            }
        }
        double len = Math.sqrt(dot(sum, sum));
        float[] out = new float[sum.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (sum[i] / len);
        }
        return out;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** @return the ids of the k items most similar to the query among those passing the filter, best first */
    public static List<String> nearest(List<TestItems.Item> items, float[] query, int k,
            Predicate<TestItems.Item> filter) {
        List<TestItems.Item> passing = new ArrayList<>(items.stream().filter(filter).toList());
        passing.sort(Comparator.comparingDouble((TestItems.Item it) -> -dot(it.vector(), query)));
        return passing.subList(0, Math.min(k, passing.size())).stream().map(TestItems.Item::id).toList();
    }
}
