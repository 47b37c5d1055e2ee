package dev.lookalike.analyzer.eval;

import dev.lookalike.analyzer.AnalyzerInputException;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PrincipalComponentsTest {

    private static final int DIMENSION = 10;
    // More rows than one block of the covariance accumulator, so that several partial sums are combined.
    private static final int ROWS = 1000;

    private final Random random = new Random(13);
    private final double[] origin = randomVector(5);
    private final double[][] plane = orthonormalPair();
    private final float[][] data = pointsOnPlane();

    private double[] randomVector(double scale) {
        double[] vector = new double[DIMENSION];
        for (int i = 0; i < DIMENSION; i++) {
            vector[i] = random.nextGaussian() * scale;
        }
        return vector;
    }

    private double[][] orthonormalPair() {
        double[] u = randomVector(1);
        double[] v = randomVector(1);
        scale(u, 1 / Math.sqrt(dot(u, u)));
        double along = dot(u, v);
        for (int i = 0; i < DIMENSION; i++) {
            v[i] -= along * u[i];
        }
        scale(v, 1 / Math.sqrt(dot(v, v)));
        return new double[][] {u, v};
    }

    /** origin + 3a·u + b·v for standard normal a, b: variance 9 along u, 1 along v, 0 elsewhere. */
    private float[][] pointsOnPlane() {
        float[][] points = new float[ROWS][DIMENSION];
        for (float[] point : points) {
            double a = 3 * random.nextGaussian();
            double b = random.nextGaussian();
            for (int i = 0; i < DIMENSION; i++) {
                point[i] = (float) (origin[i] + a * plane[0][i] + b * plane[1][i]);
            }
        }
        return points;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static void scale(double[] vector, double factor) {
        for (int i = 0; i < vector.length; i++) {
            vector[i] *= factor;
        }
    }

    @Test
    void twoComponentsReconstructPointsOnAPlane() {
        PrincipalComponents pca = PrincipalComponents.fit(data, 2);
        for (float[] point : data) {
            float[] back = pca.reconstruct(pca.project(point));
            for (int i = 0; i < DIMENSION; i++) {
                assertEquals(point[i], back[i], 1e-4);
            }
        }
    }

    @Test
    void componentsAreOrthonormalAndSpanThePlane() {
        double[][] components = PrincipalComponents.fit(data, 2).components();
        assertEquals(1, dot(components[0], components[0]), 1e-9);
        assertEquals(1, dot(components[1], components[1]), 1e-9);
        assertEquals(0, dot(components[0], components[1]), 1e-9);
        for (double[] direction : plane) {
            double inSpan = Math.pow(dot(direction, components[0]), 2) + Math.pow(dot(direction, components[1]), 2);
            assertEquals(1, inSpan, 1e-6);
        }
        assertEquals(1, Math.abs(dot(plane[0], components[0])), 0.01, "the wider direction comes first");
    }

    @Test
    void explainedVarianceIsTheSampleVarianceAlongEachComponentInDecreasingOrder() {
        PrincipalComponents pca = PrincipalComponents.fit(data, 4);
        double[] variance = pca.explainedVariance();
        for (int c = 0; c + 1 < variance.length; c++) {
            assertTrue(variance[c] >= variance[c + 1], "sorted descending");
        }
        for (int c = 0; c < 2; c++) {
            double sumOfSquares = 0;
            for (float[] point : data) {
                double coordinate = pca.project(point)[c];
                sumOfSquares += coordinate * coordinate;
            }
            assertEquals(sumOfSquares / (ROWS - 1), variance[c], 1e-4 * variance[c], "divided by n - 1");
        }
        assertEquals(9, variance[0], 1.5);
        assertEquals(1, variance[1], 0.3);
        assertEquals(0, variance[2], 1e-6);
        assertEquals(0, variance[3], 1e-6);
    }

    @Test
    void meanIsTheSampleMeanAndProjectsToZero() {
        PrincipalComponents pca = PrincipalComponents.fit(data, 2);
        double[] expected = new double[DIMENSION];
        for (float[] point : data) {
            for (int i = 0; i < DIMENSION; i++) {
                expected[i] += point[i] / (double) ROWS;
            }
        }
        assertArrayEquals(expected, pca.mean(), 1e-5);
        float[] meanAsFloats = new float[DIMENSION];
        for (int i = 0; i < DIMENSION; i++) {
            meanAsFloats[i] = (float) expected[i];
        }
        assertArrayEquals(new float[] {0, 0}, pca.project(meanAsFloats), 1e-4f);
    }

    @Test
    void badArgumentsAreRejected() {
        assertThrows(AnalyzerInputException.class, () -> PrincipalComponents.fit(data, 0));
        assertThrows(AnalyzerInputException.class, () -> PrincipalComponents.fit(data, DIMENSION + 1));
        assertThrows(AnalyzerInputException.class, () -> PrincipalComponents.fit(new float[][] {{1, 2}}, 1));
        PrincipalComponents pca = PrincipalComponents.fit(data, 2);
        assertThrows(AnalyzerInputException.class, () -> pca.project(new float[3]));
        assertThrows(AnalyzerInputException.class, () -> pca.reconstruct(new float[3]));
    }
}
