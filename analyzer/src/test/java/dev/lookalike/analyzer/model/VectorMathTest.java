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

    @Test
    void nearestEqualsSortingTheWholeGalleryWithManyTies() {
        java.util.Random random = new java.util.Random(3);
        float[][] gallery = new float[500][3];
        for (float[] v : gallery) {
            for (int d = 0; d < v.length; d++) {
                v[d] = random.nextInt(3) - 1; // few distinct vectors: many equal similarities
            }
        }
        for (int trial = 0; trial < 20; trial++) {
            float[] query = {random.nextInt(3) - 1, random.nextInt(3) - 1, random.nextInt(3) - 1};
            int exclude = random.nextInt(gallery.length + 1) - 1;
            int count = 1 + random.nextInt(trial < 10 ? 20 : 600);
            int[] sorted = java.util.stream.IntStream.range(0, gallery.length).filter(i -> i != exclude).boxed()
                    .sorted((a, b) -> Float.compare(VectorMath.dot(query, gallery[b]), VectorMath.dot(query, gallery[a])))
                    .limit(count).mapToInt(Integer::intValue).toArray();
            assertArrayEquals(sorted, VectorMath.nearest(query, gallery, exclude, count), "trial " + trial);
        }
    }
}
