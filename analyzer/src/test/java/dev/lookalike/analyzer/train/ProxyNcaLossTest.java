package dev.lookalike.analyzer.train;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.lookalike.analyzer.model.DjlRuntime;
import dev.lookalike.analyzer.model.VectorMath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProxyNcaLossTest {

    private static final float[][] EMBEDDINGS = {
            VectorMath.normalize(new float[] {0.9f, 0.3f, -0.1f}),
            VectorMath.normalize(new float[] {-0.2f, 0.4f, 0.8f})};
    private static final float[][] PROXIES = {
            VectorMath.normalize(new float[] {1f, 0f, 0f}),
            VectorMath.normalize(new float[] {0.1f, 1f, 0.2f}),
            VectorMath.normalize(new float[] {0f, 0.3f, 1f})};

    @BeforeAll
    static void configureDjl() {
        DjlRuntime.configure();
    }

    /** The cross-entropy of softmax(-||x - p_c||^2 / T), averaged over the embeddings, in plain Java. */
    private static double expectedLoss(int[] labels, float temperature) {
        double total = 0;
        for (int i = 0; i < EMBEDDINGS.length; i++) {
            double[] logits = new double[PROXIES.length];
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < PROXIES.length; c++) {
                double squared = 0;
                for (int k = 0; k < 3; k++) {
                    double d = EMBEDDINGS[i][k] - PROXIES[c][k];
                    squared += d * d;
                }
                logits[c] = -squared / temperature;
                max = Math.max(max, logits[c]);
            }
            double sum = 0;
            for (double l : logits) {
                sum += Math.exp(l - max);
            }
            total += -(logits[labels[i]] - max - Math.log(sum));
        }
        return total / EMBEDDINGS.length;
    }

    private static float loss(int[] labels, float temperature) {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            float[] x = new float[6];
            float[] p = new float[9];
            for (int i = 0; i < 2; i++) {
                System.arraycopy(EMBEDDINGS[i], 0, x, 3 * i, 3);
            }
            for (int c = 0; c < 3; c++) {
                System.arraycopy(PROXIES[c], 0, p, 3 * c, 3);
            }
            NDList predictions = new NDList(manager.create(x, new Shape(2, 3)), manager.create(p, new Shape(3, 3)));
            NDList target = new NDList(manager.create(new float[] {labels[0], labels[1]}));
            return new ProxyNcaLoss(temperature).evaluate(target, predictions).getFloat();
        }
    }

    @Test
    void matchesTheHandComputedCrossEntropy() {
        for (int[] labels : new int[][] {{0, 2}, {1, 0}, {2, 1}}) {
            for (float t : new float[] {1f, 1f / 9}) {
                assertEquals(expectedLoss(labels, t), loss(labels, t), 1e-4, "labels " + labels[0] + labels[1] + " T " + t);
            }
        }
    }

    @Test
    void nearestProxiesAsLabelsGiveTheLowestLoss() {
        // Embedding 0 is nearest proxy 0, embedding 1 nearest proxy 2.
        float right = loss(new int[] {0, 2}, 1f / 9);
        assertTrue(right < loss(new int[] {1, 2}, 1f / 9));
        assertTrue(right < loss(new int[] {0, 1}, 1f / 9));
        assertTrue(right > 0);
    }

    @Test
    void refusesNonPositiveTemperature() {
        assertThrows(IllegalArgumentException.class, () -> new ProxyNcaLoss(0f));
        assertThrows(IllegalArgumentException.class, () -> new ProxyNcaLoss(-1f));
    }
}
