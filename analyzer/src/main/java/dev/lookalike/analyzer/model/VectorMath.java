package dev.lookalike.analyzer.model;

/** Small operations on float vectors shared by the embedder, the proxies and training monitoring. */
public final class VectorMath {

    private VectorMath() {
    }

    /**
     * Scales a vector to unit length in place; a zero vector stays zero.
     *
     * @param v the vector
     * @return {@code v}
     */
    public static float[] normalize(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += (double) x * x;
        }
        if (sum > 0) {
            float inv = (float) (1 / Math.sqrt(sum));
            for (int i = 0; i < v.length; i++) {
                v[i] *= inv;
            }
        }
        return v;
    }

    /**
     * @param a a vector
     * @param b a vector of the same length
     * @return a new vector, their element-wise sum
     */
    public static float[] sum(float[] a, float[] b) {
        float[] out = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] + b[i];
        }
        return out;
    }

    /**
     * @param a a vector
     * @param b a vector of the same length
     * @return the dot product
     */
    public static float dot(float[] a, float[] b) {
        float sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /**
     * Exact nearest neighbours by dot product (cosine for unit vectors). Costs O(gallery x dimension) and a
     * sort of the gallery; meant for small galleries, demos and as an oracle for approximate search.
     *
     * @param query   the query vector
     * @param gallery the vectors to search
     * @param exclude a gallery index to leave out (the query itself), or -1
     * @param count   how many neighbours at most
     * @return gallery indices, most similar first, ties broken by index
     */
    public static int[] nearest(float[] query, float[][] gallery, int exclude, int count) {
        float[] similarity = new float[gallery.length];
        for (int i = 0; i < gallery.length; i++) {
            similarity[i] = dot(query, gallery[i]);
        }
        return java.util.stream.IntStream.range(0, gallery.length).filter(i -> i != exclude).boxed()
                .sorted((a, b) -> similarity[a] != similarity[b] ? Float.compare(similarity[b], similarity[a])
                        : Integer.compare(a, b))
                .limit(count).mapToInt(Integer::intValue).toArray();
    }
}
