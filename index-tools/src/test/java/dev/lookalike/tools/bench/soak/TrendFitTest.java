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
        assertEquals(fit.residualSd() / Math.sqrt(sxx), fit.slopeStandardError(), 1e-9);
    }

    @Test
    void refusesTooFewPointsAndPointsAllAtOneX() {
        assertThrows(IllegalArgumentException.class, () -> TrendFit.of(new double[] {1, 2}, new double[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> TrendFit.of(new double[] {1, 1, 1}, new double[] {1, 2, 3}));
        assertThrows(IllegalArgumentException.class, () -> TrendFit.of(new double[] {1, 2, 3}, new double[] {1, 2}));
    }
}
