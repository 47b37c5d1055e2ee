package dev.lookalike.analyzer.eval;

import dev.lookalike.analyzer.AnalyzerInputException;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KMeansTest {

    /** Points around {@code centres}, {@code perBlob} each, blob b labelled b, with unit-variance noise. */
    static float[][] blobs(Random random, float[][] centres, int perBlob, int[] labelsOut) {
        float[][] points = new float[centres.length * perBlob][];
        for (int p = 0; p < points.length; p++) {
            int blob = p % centres.length;
            labelsOut[p] = blob;
            points[p] = new float[centres[blob].length];
            for (int i = 0; i < points[p].length; i++) {
                points[p][i] = centres[blob][i] + (float) random.nextGaussian();
            }
        }
        return points;
    }

    private static float[][] farApartCentres(Random random, int count, int dimension) {
        float[][] centres = new float[count][dimension];
        for (int c = 0; c < count; c++) {
            for (int i = 0; i < dimension; i++) {
                centres[c][i] = (float) (random.nextGaussian() * 10);
            }
            centres[c][c % dimension] += 100 * (1 + c / dimension);
        }
        return centres;
    }

    @Test
    void recoversWellSeparatedBlobsExactly() {
        Random random = new Random(11);
        int[] labels = new int[1000];
        float[][] centres = farApartCentres(random, 5, 3);
        float[][] points = blobs(random, centres, 200, labels);
        Clustering clustering = new KMeans(5, 1).cluster(points);
        assertEquals(1.0, NormalizedMutualInformation.between(labels, clustering.assignments()), 1e-12);
        for (float[] centroid : clustering.centroids()) {
            double nearest = Double.POSITIVE_INFINITY;
            for (float[] centre : centres) {
                double squared = 0;
                for (int i = 0; i < centre.length; i++) {
                    squared += (centroid[i] - centre[i]) * (centroid[i] - centre[i]);
                }
                nearest = Math.min(nearest, squared);
            }
            assertTrue(nearest < 0.5, "each centroid is the mean of one blob, near its centre: " + nearest);
        }
    }

    @Test
    void sameSeedGivesTheSameClustering() {
        Random random = new Random(5);
        float[][] points = blobs(random, new float[][] {{0, 0}, {2, 0}, {0, 2}, {2, 2}}, 100, new int[400]);
        Clustering first = new KMeans(6, 300, 3, 99).cluster(points);
        Clustering second = new KMeans(6, 300, 3, 99).cluster(points);
        assertArrayEquals(first.assignments(), second.assignments());
        assertArrayEquals(first.centroids(), second.centroids());
        assertEquals(first.inertia(), second.inertia());
    }

    @Test
    void inertiaIsTheSumOfSquaredDistancesToTheReturnedCentroids() {
        Random random = new Random(8);
        float[][] points = blobs(random, new float[][] {{0, 0, 0}, {3, 0, 1}, {0, 3, 2}}, 150, new int[450]);
        Clustering clustering = new KMeans(4, 2).cluster(points);
        int[] assignments = clustering.assignments();
        float[][] centroids = clustering.centroids();
        double inertia = 0;
        int[] sizes = new int[4];
        for (int p = 0; p < points.length; p++) {
            sizes[assignments[p]]++;
            for (int i = 0; i < 3; i++) {
                double difference = points[p][i] - centroids[assignments[p]][i];
                inertia += difference * difference;
            }
        }
        assertEquals(inertia, clustering.inertia(), 1e-6 * inertia);
        for (int size : sizes) {
            assertTrue(size > 0, "no cluster is left empty");
        }
    }

    @Test
    void moreRestartsNeverEndWithHigherInertia() {
        Random random = new Random(21);
        float[][] points = blobs(random, new float[][] {{0, 0}, {1, 0}, {0, 1}, {5, 5}, {6, 5}}, 60, new int[300]);
        double single = new KMeans(5, 300, 1, 4).cluster(points).inertia();
        double best = new KMeans(5, 300, 10, 4).cluster(points).inertia();
        assertTrue(best <= single, best + " > " + single);
    }

    @Test
    void fewerDistinctPointsThanClustersStopsEarlyWithZeroInertia() {
        float[][] points = new float[30][];
        for (int p = 0; p < points.length; p++) {
            points[p] = new float[] {p % 3, 0};
        }
        Clustering clustering = new KMeans(4, 1).cluster(points);
        assertEquals(0.0, clustering.inertia(), 1e-12);
        assertTrue(clustering.iterations() < 10, "a refilled cluster losing its point again must not loop: "
                + clustering.iterations());
        int[] assignments = clustering.assignments();
        for (int p = 3; p < points.length; p++) {
            assertEquals(assignments[p % 3], assignments[p], "equal points share a cluster");
        }
    }

    @Test
    void badSettingsAndTooFewPointsAreRejected() {
        assertThrows(AnalyzerInputException.class, () -> new KMeans(0, 1));
        assertThrows(AnalyzerInputException.class, () -> new KMeans(2, 0, 1, 1));
        assertThrows(AnalyzerInputException.class, () -> new KMeans(2, 1, 0, 1));
        assertThrows(AnalyzerInputException.class, () -> new KMeans(3, 1).cluster(new float[][] {{1}, {2}}));
        assertThrows(AnalyzerInputException.class, () -> new KMeans(1, 1).cluster(new float[0][]));
    }
}
