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
     * @return the dot product
     */
    public static float dot(float[] a, float[] b) {
        float sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
