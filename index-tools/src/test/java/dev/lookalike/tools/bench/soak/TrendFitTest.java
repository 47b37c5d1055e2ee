package dev.lookalike.tools.bench.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TrendFitTest {

    @Test
    void pointsOnALineGiveItsSlopeAndInterceptWithNoNoise() {
        double[] x = {0, 1, 2, 3, 4, 5};
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = 40 + 2.5 * x[i];
        }
        TrendFit fit = TrendFit.of(x, y);
        assertEquals(2.5, fit.slope(), 1e-12);
        assertEquals(40, fit.intercept(), 1e-12);
        assertEquals(0, fit.residualSd(), 1e-9);
        assertEquals(0, fit.slopeStandardError(), 1e-9);
    }

    @Test
    void noiseAroundAFlatLineGivesASlopeWithinItsStandardErrorAndTheNoisesSize() {
        Random random = new Random(7);
        int n = 200;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i / 10.0;
            y[i] = 100 + 3 * random.nextGaussian();
        }
        TrendFit fit = TrendFit.of(x, y);
        assertTrue(Math.abs(fit.slope()) < 3 * fit.slopeStandardError(), fit::toString);
        assertEquals(3, fit.residualSd(), 0.5);
        // The textbook standard error of a slope: sigma / sqrt(sum of squared deviations of x).
        double sxx = 0;
        for (double xi : x) {
            sxx += (xi - 9.95) * (xi - 9.95);
        }
        assertEquals(fit.residualSd() / Math.sqrt(sxx), fit.independentSlopeStandardError(), 1e-9);
    }

    @Test
    void residualsThatFollowEachOtherCountAsFewerPointsAndWidenTheStandardError() {
        int n = 120;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            // A slow wave: each residual close to the one before, as heap figures after collections are.
            y[i] = 50 + 4 * Math.sin(i / 8.0);
        }
        TrendFit fit = TrendFit.of(x, y);
        assertTrue(fit.autocorrelation() > 0.9, fit::toString);
        assertTrue(fit.effectivePoints() < n / 10.0, fit::toString);
        assertTrue(fit.slopeStandardError() > 3 * fit.independentSlopeStandardError(), fit::toString);
    }

    @Test
    void oneBumpAtTheEndPullsTheLeastSquaresSlopeButNotTheMedianSlope() {
        double[] x = new double[40];
        double[] y = new double[40];
        for (int i = 0; i < 40; i++) {
            x[i] = i;
            y[i] = 30 + 0.1 * i + (i >= 36 ? 15 : 0);
        }
        TrendFit fit = TrendFit.of(x, y);
        assertEquals(0.1, fit.medianSlope(), 1e-9);
        assertTrue(fit.slope() > 0.3, fit::toString);
    }

    @Test
    void refusesTooFewPointsAndPointsAllAtOneX() {
        assertThrows(IllegalArgumentException.class, () -> TrendFit.of(new double[] {1, 2}, new double[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> TrendFit.of(new double[] {1, 1, 1}, new double[] {1, 2, 3}));
        assertThrows(IllegalArgumentException.class, () -> TrendFit.of(new double[] {1, 2, 3}, new double[] {1, 2}));
    }
}
