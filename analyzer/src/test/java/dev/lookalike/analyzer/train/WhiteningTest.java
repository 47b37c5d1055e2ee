package dev.lookalike.analyzer.train;

import dev.lookalike.analyzer.AnalyzerInputException;
import java.util.Random;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WhiteningTest {

    /** Correlated Gaussian rows: independent normals mixed by a fixed random matrix, shifted off the origin. */
    private static float[][] correlated(int n, int d, double[] scales, long seed) {
        Random random = new Random(seed);
        double[][] mix = new double[d][d];
        for (double[] row : mix) {
            for (int j = 0; j < d; j++) {
                row[j] = random.nextGaussian();
            }
        }
        float[][] rows = new float[n][d];
        for (float[] row : rows) {
            double[] z = new double[d];
            for (int j = 0; j < d; j++) {
                z[j] = scales[j] * random.nextGaussian();
            }
            for (int i = 0; i < d; i++) {
                double sum = 3 + i;
                for (int j = 0; j < d; j++) {
                    sum += mix[i][j] * z[j];
                }
                row[i] = (float) sum;
            }
        }
        return rows;
    }

    private static double[][] covariance(float[][] rows) {
        int d = rows[0].length;
        double[] mean = new double[d];
        for (float[] r : rows) {
            for (int j = 0; j < d; j++) {
                mean[j] += r[j] / rows.length;
            }
        }
        double[][] c = new double[d][d];
        for (float[] r : rows) {
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    c[i][j] += (r[i] - mean[i]) * (r[j] - mean[j]) / (rows.length - 1);
                }
            }
        }
        return c;
    }

    @Test
    void whitenedDataHasZeroMeanAndIdentityCovariance() {
        float[][] rows = correlated(4000, 6, new double[] {5, 3, 1, 0.5, 0.2, 0.1}, 1);
        Whitening whitening = Whitening.fit(rows, 1e-10f);
        float[][] out = new float[rows.length][];
        double[] mean = new double[6];
        for (int i = 0; i < rows.length; i++) {
            out[i] = whitening.apply(rows[i]);
            for (int j = 0; j < 6; j++) {
                mean[j] += out[i][j] / rows.length;
            }
        }
        double[][] c = covariance(out);
        for (int i = 0; i < 6; i++) {
            assertEquals(0, mean[i], 1e-4, "mean " + i);
            for (int j = 0; j < 6; j++) {
                assertEquals(i == j ? 1 : 0, c[i][j], 1e-3, "covariance " + i + "," + j);
            }
        }
    }

    @Test
    void shrinkageFloorsTheDirectionsOfSmallVariance() {
        // Two independent directions, variances 100 and 0.0001: with a floor of 0.01 × 100 = 1, the large one
        // comes out at 100 / 101 and the small one stays near 0.0001 / 1.0001 instead of being blown up to 1.
        Random random = new Random(2);
        float[][] rows = new float[20_000][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new float[] {(float) (10 * random.nextGaussian()), (float) (0.01 * random.nextGaussian())};
        }
        double[][] c = covariance(java.util.Arrays.stream(rows).map(Whitening.fit(rows, 0.01f)::apply).toArray(float[][]::new));
        assertEquals(100.0 / 101, c[0][0], 0.02);
        assertEquals(0.0001 / 1.0001, c[1][1], 0.00002);
    }

    @Test
    void refusesShrinkageOutOfRangeAndTooFewRows() {
        float[][] rows = correlated(100, 4, new double[] {1, 1, 1, 1}, 3);
        for (float bad : new float[] {0f, -0.1f, 1.5f, Float.NaN}) {
            AnalyzerInputException e = assertThrows(AnalyzerInputException.class, () -> Whitening.fit(rows, bad));
            assertTrue(e.getMessage().startsWith("shrinkage: " + bad), e.getMessage());
        }
        AnalyzerInputException e = assertThrows(AnalyzerInputException.class,
                () -> Whitening.fit(java.util.Arrays.copyOf(rows, 7), 0.001f));
        assertTrue(e.getMessage().contains("7 vectors given") && e.getMessage().contains("at least 8"), e.getMessage());
    }
}
