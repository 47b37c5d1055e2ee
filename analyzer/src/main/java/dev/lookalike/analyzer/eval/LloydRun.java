package dev.lookalike.analyzer.eval;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * One k-means run: k-means++ seeding from its own random stream, then Lloyd iterations. Holds the centroids
 * (double precision, flat row-major), the assignments and each point's squared distance to its centroid.
 */
final class LloydRun {

    /** Points per parallel task in the assignment step. */
    private static final int POINTS_PER_TASK = 256;

    private final float[][] points;
    private final int k;
    private final int dimension;
    private final double[] centroids;
    private final int[] assignments;
    private final double[] distances;
    private int iterations;

    /** Seeds the centroids by k-means++ and assigns every point; costs O(k·n·d). */
    LloydRun(float[][] points, int k, SplittableRandom random) {
        this.points = points;
        this.k = k;
        this.dimension = points[0].length;
        this.centroids = new double[k * dimension];
        this.assignments = new int[points.length];
        this.distances = new double[points.length];
        seed(random);
        Arrays.fill(assignments, -1);
        assign();
    }

    /**
     * k-means++: the first centroid is a uniformly random point, each next one a point drawn with probability
     * proportional to its squared distance to the nearest centroid so far. If every point already coincides
     * with a centroid (fewer distinct points than k), the draw falls back to a uniform one.
     */
    private void seed(SplittableRandom random) {
        double[] nearest = new double[points.length];
        Arrays.fill(nearest, Double.POSITIVE_INFINITY);
        setCentroid(0, points[random.nextInt(points.length)]);
        for (int c = 1; c < k; c++) {
            double total = 0;
            for (int p = 0; p < points.length; p++) {
                nearest[p] = Math.min(nearest[p], squaredDistance(p, c - 1));
                total += nearest[p];
            }
            setCentroid(c, points[draw(nearest, total, random)]);
        }
    }

    private static int draw(double[] weights, double total, SplittableRandom random) {
        if (!(total > 0)) {
            return random.nextInt(weights.length);
        }
        double target = random.nextDouble() * total;
        double cumulative = 0;
        for (int p = 0; p < weights.length; p++) {
            cumulative += weights[p];
            if (target < cumulative) {
                return p;
            }
        }
        // Rounding can leave target just above the last cumulative sum; the last weighted point is meant.
        for (int p = weights.length - 1; ; p--) {
            if (weights[p] > 0) {
                return p;
            }
        }
    }

    /**
     * Runs Lloyd iterations until an iteration ends with the assignments it started with, or
     * {@code maxIterations} have run. Comparing with the start of the iteration, rather than counting
     * changes in the assignment step, also stops a run whose refilled empty cluster loses its point again
     * (fewer distinct points than clusters) instead of looping to the limit.
     */
    void iterate(int maxIterations) {
        while (iterations < maxIterations) {
            iterations++;
            int[] before = assignments.clone();
            updateCentroids();
            assign();
            if (Arrays.equals(before, assignments)) {
                return;
            }
        }
    }

    /** Assigns each point to its nearest centroid, in parallel over stretches of points. */
    private void assign() {
        int tasks = (points.length + POINTS_PER_TASK - 1) / POINTS_PER_TASK;
        IntStream.range(0, tasks).parallel().forEach(task -> {
            int end = Math.min(points.length, (task + 1) * POINTS_PER_TASK);
            for (int p = task * POINTS_PER_TASK; p < end; p++) {
                int best = 0;
                double bestDistance = squaredDistance(p, 0);
                for (int c = 1; c < k; c++) {
                    double distance = squaredDistance(p, c);
                    if (distance < bestDistance) {
                        bestDistance = distance;
                        best = c;
                    }
                }
                distances[p] = bestDistance;
                assignments[p] = best;
            }
        });
    }

    /** Moves each centroid to the mean of its points, refilling empty clusters first. */
    private void updateCentroids() {
        int[] sizes = new int[k];
        for (int cluster : assignments) {
            sizes[cluster]++;
        }
        for (int c = 0; c < k; c++) {
            if (sizes[c] == 0) {
                int farthest = farthestPointInSharedCluster(sizes);
                sizes[assignments[farthest]]--;
                assignments[farthest] = c;
                distances[farthest] = 0;
                sizes[c] = 1;
            }
        }
        Arrays.fill(centroids, 0);
        for (int p = 0; p < points.length; p++) {
            int offset = assignments[p] * dimension;
            float[] point = points[p];
            for (int i = 0; i < dimension; i++) {
                centroids[offset + i] += point[i];
            }
        }
        for (int c = 0; c < k; c++) {
            for (int i = 0; i < dimension; i++) {
                centroids[c * dimension + i] /= sizes[c];
            }
        }
    }

    /** The point farthest from its centroid among clusters of two or more, so no cluster is emptied. */
    private int farthestPointInSharedCluster(int[] sizes) {
        int farthest = -1;
        for (int p = 0; p < points.length; p++) {
            if (sizes[assignments[p]] > 1 && (farthest < 0 || distances[p] > distances[farthest])) {
                farthest = p;
            }
        }
        return farthest;
    }

    private void setCentroid(int c, float[] point) {
        for (int i = 0; i < dimension; i++) {
            centroids[c * dimension + i] = point[i];
        }
    }

    private double squaredDistance(int p, int c) {
        float[] point = points[p];
        int offset = c * dimension;
        double sum = 0;
        for (int i = 0; i < dimension; i++) {
            double difference = point[i] - centroids[offset + i];
            sum += difference * difference;
        }
        return sum;
    }

    /** @return the sum of squared distances of the points to their centroids, summed in point order */
    double inertia() {
        double sum = 0;
        for (double distance : distances) {
            sum += distance;
        }
        return sum;
    }

    /** @return this run's outcome as an immutable value */
    Clustering toClustering() {
        float[][] rows = new float[k][dimension];
        for (int c = 0; c < k; c++) {
            for (int i = 0; i < dimension; i++) {
                rows[c][i] = (float) centroids[c * dimension + i];
            }
        }
        return new Clustering(assignments, rows, inertia(), iterations);
    }
}
