package dev.lookalike.analyzer.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class VectorMathTest {

    @Test
    void normalizeScalesToUnitLengthInPlace() {
        float[] v = {3f, -4f};
        assertSame(v, VectorMath.normalize(v));
        assertArrayEquals(new float[] {0.6f, -0.8f}, v, 1e-7f);
    }

    @Test
    void zeroVectorStaysZero() {
        assertArrayEquals(new float[3], VectorMath.normalize(new float[3]));
    }

    @Test
    void tinyVectorIsNormalisedWithoutUnderflow() {
        float[] v = VectorMath.normalize(new float[] {1e-30f, 1e-30f});
        assertEquals(1.0, VectorMath.dot(v, v), 1e-6);
    }

    @Test
    void dotIsTheSumOfProducts() {
        assertEquals(1 * 4 - 2 * 5 + 3 * 6, VectorMath.dot(new float[] {1, -2, 3}, new float[] {4, 5, 6}), 0f);
    }

    @org.junit.jupiter.api.Test
    void nearestRanksByDotProductLeavesOutTheExcludedAndBreaksTiesByIndex() {
        float[][] gallery = {{1, 0}, {0.6f, 0.8f}, {0, 1}, {1, 0}, {-1, 0}};
        org.junit.jupiter.api.Assertions.assertArrayEquals(new int[] {3, 1, 2},
                VectorMath.nearest(new float[] {1, 0}, gallery, 0, 3));
        org.junit.jupiter.api.Assertions.assertArrayEquals(new int[] {0, 3, 1, 2, 4},
                VectorMath.nearest(new float[] {1, 0}, gallery, -1, 10));
    }
}
