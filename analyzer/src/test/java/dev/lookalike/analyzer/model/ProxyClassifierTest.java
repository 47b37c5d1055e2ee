package dev.lookalike.analyzer.model;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProxyClassifierTest {

    private static final Proxies AXES = new Proxies(List.of("x", "y", "z"),
            new float[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}});

    @Test
    void probabilitiesSumToOne() {
        Random random = new Random(3);
        ProxyClassifier classifier = new ProxyClassifier(AXES, 0.1f);
        for (int trial = 0; trial < 20; trial++) {
            float[] x = VectorMath.normalize(new float[] {
                    (float) random.nextGaussian(), (float) random.nextGaussian(), (float) random.nextGaussian()});
            double sum = 0;
            for (float p : classifier.probabilities(x)) {
                assertTrue(p >= 0 && p <= 1);
                sum += p;
            }
            assertEquals(1.0, sum, 1e-5);
        }
    }

    @Test
    void probabilitiesAreTheSoftmaxOfNegativeSquaredDistances() {
        float[] x = VectorMath.normalize(new float[] {0.5f, 0.3f, -0.2f});
        float t = 0.5f;
        double[] e = new double[3];
        double sum = 0;
        for (int c = 0; c < 3; c++) {
            double squared = 0;
            for (int i = 0; i < 3; i++) {
                squared += (x[i] - AXES.vectors()[c][i]) * (x[i] - AXES.vectors()[c][i]);
            }
            e[c] = Math.exp(-squared / t);
            sum += e[c];
        }
        float[] expected = {(float) (e[0] / sum), (float) (e[1] / sum), (float) (e[2] / sum)};
        assertArrayEquals(expected, new ProxyClassifier(AXES, t).probabilities(x), 1e-5f);
    }

    @Test
    void nearestProxyWins() {
        ProxyClassifier classifier = new ProxyClassifier(AXES, 1f);
        ProxyClassifier.Prediction p = classifier.predict(VectorMath.normalize(new float[] {0.2f, 0.1f, 0.9f}));
        assertEquals(2, p.label());
        assertEquals("z", p.name());
        assertEquals(classifier.probabilities(VectorMath.normalize(new float[] {0.2f, 0.1f, 0.9f}))[2],
                p.probability());
        assertEquals(1, classifier.predict(VectorMath.normalize(new float[] {-0.5f, 0.6f, 0.5f})).label());
    }

    @Test
    void lowerTemperatureSharpens() {
        float[] x = VectorMath.normalize(new float[] {0.6f, 0.5f, 0.1f});
        float warm = new ProxyClassifier(AXES, 1f).predict(x).probability();
        float cool = new ProxyClassifier(AXES, 0.1f).predict(x).probability();
        float cold = new ProxyClassifier(AXES, 0.01f).predict(x).probability();
        assertTrue(warm < cool && cool < cold, warm + " < " + cool + " < " + cold);
        assertTrue(cold > 0.98f);
    }

    @Test
    void veryLowTemperatureDoesNotOverflow() {
        float[] p = new ProxyClassifier(AXES, 1e-6f).probabilities(new float[] {0f, -1f, 0f});
        assertArrayEquals(new float[] {1f / 2, 0f, 1f / 2}, p, 1e-6f);
    }

    @Test
    void refusesNonPositiveTemperature() {
        assertThrows(IllegalArgumentException.class, () -> new ProxyClassifier(AXES, 0f));
        assertThrows(IllegalArgumentException.class, () -> new ProxyClassifier(AXES, Float.NaN));
    }
}
