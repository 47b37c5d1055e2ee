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
     * Exact nearest neighbours by dot product (cosine for unit vectors). Costs O(gallery x (dimension + log
     * count)) time and O(count) memory (a bounded heap of the best so far), so that it can serve as the oracle
     * for approximate search over a million vectors as well as for demos.
     *
     * @param query   the query vector
     * @param gallery the vectors to search
     * @param exclude a gallery index to leave out (the query itself), or -1
     * @param count   how many neighbours at most
     * @return gallery indices, most similar first, ties broken by index
     */
    public static int[] nearest(float[] query, float[][] gallery, int exclude, int count) {
        int excluded = exclude >= 0 && exclude < gallery.length ? 1 : 0;
        int k = Math.max(0, Math.min(count, gallery.length - excluded));
        // A heap of the best k so far whose root is the worst of them, the one the next better item replaces.
        int[] heap = new int[k];
        float[] similarity = new float[k];
        int size = 0;
        for (int i = 0; i < gallery.length && k > 0; i++) {
            if (i == exclude) {
                continue;
            }
            float s = dot(query, gallery[i]);
            if (size < k) {
                heap[size] = i;
                similarity[size] = s;
                siftUp(heap, similarity, size++);
            } else if (ranksBefore(s, i, similarity[0], heap[0])) {
                heap[0] = i;
                similarity[0] = s;
                siftDown(heap, similarity, 0, size);
            }
        }
        int[] best = new int[size];
        for (int last = size - 1; last >= 0; last--) {
            best[last] = heap[0];
            swap(heap, similarity, 0, last);
            siftDown(heap, similarity, 0, last);
        }
        return best;
    }

    private static boolean ranksBefore(float s, int i, float t, int j) {
        int c = Float.compare(s, t);
        return c > 0 || c == 0 && i < j;
    }

    private static void siftUp(int[] heap, float[] similarity, int at) {
        while (at > 0) {
            int parent = (at - 1) / 2;
            if (!ranksBefore(similarity[parent], heap[parent], similarity[at], heap[at])) {
                return;
            }
            swap(heap, similarity, parent, at);
            at = parent;
        }
    }

    private static void siftDown(int[] heap, float[] similarity, int at, int size) {
        while (true) {
            int worst = at;
            for (int child = 2 * at + 1; child <= 2 * at + 2 && child < size; child++) {
                if (ranksBefore(similarity[worst], heap[worst], similarity[child], heap[child])) {
                    worst = child;
                }
            }
            if (worst == at) {
                return;
            }
            swap(heap, similarity, worst, at);
            at = worst;
        }
    }

    private static void swap(int[] heap, float[] similarity, int a, int b) {
        int i = heap[a];
        heap[a] = heap[b];
        heap[b] = i;
        float s = similarity[a];
        similarity[a] = similarity[b];
        similarity[b] = s;
    }
}
