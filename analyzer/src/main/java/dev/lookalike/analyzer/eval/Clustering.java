package dev.lookalike.analyzer.eval;

/**
 * The result of {@link KMeans#cluster(float[][])}. The arrays are copied on the way in and on the way out, so
 * a clustering is an immutable value.
 *
 * @param assignments for each point, the index of its cluster, in {@code [0, centroids.length)}
 * @param centroids   the mean of each cluster's points
 * @param inertia     the sum over points of the squared Euclidean distance to their centroid
 * @param iterations  the Lloyd iterations the kept run needed
 */
public record Clustering(int[] assignments, float[][] centroids, double inertia, int iterations) {

    /** Copies the arrays so that the caller's later changes do not reach this value. */
    public Clustering {
        assignments = assignments.clone();
        centroids = deepCopy(centroids);
    }

    /** @return a copy of the cluster index of each point */
    @Override
    public int[] assignments() {
        return assignments.clone();
    }

    /** @return a copy of the centroids, one row per cluster */
    @Override
    public float[][] centroids() {
        return deepCopy(centroids);
    }

    private static float[][] deepCopy(float[][] rows) {
        float[][] copy = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            copy[i] = rows[i].clone();
        }
        return copy;
    }
}
