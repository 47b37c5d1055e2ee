package dev.lookalike.analyzer.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AugmenterTest {

    private static final int SIZE = 28;

    @Test
    void erasingOffLeavesTheGeometricAugmentationAsItWas() {
        float[] image = new float[SIZE * SIZE];
        // A black image stays black under flip, scale, shift and contrast: only erasing can add light.
        for (int seed = 0; seed < 50; seed++) {
            float[] out = new Augmenter(SIZE, SIZE, 0f).augment(image, new SplittableRandom(seed));
            assertArrayEquals(new float[SIZE * SIZE], out);
        }
    }

    @Test
    void erasingAlwaysOnOverwritesOneRectangleOfBoundedArea() {
        float[] image = new float[SIZE * SIZE];
        for (int seed = 0; seed < 200; seed++) {
            float[] out = new Augmenter(SIZE, SIZE, 1f).augment(image, new SplittableRandom(seed));
            int minX = SIZE, minY = SIZE, maxX = -1, maxY = -1, lit = 0;
            for (int i = 0; i < out.length; i++) {
                assertTrue(out[i] >= 0 && out[i] <= 1);
                if (out[i] > 0) {
                    lit++;
                    minX = Math.min(minX, i % SIZE);
                    maxX = Math.max(maxX, i % SIZE);
                    minY = Math.min(minY, i / SIZE);
                    maxY = Math.max(maxY, i / SIZE);
                }
            }
            int box = (maxX - minX + 1) * (maxY - minY + 1);
            assertTrue(lit > 0 && box <= 0.30 * SIZE * SIZE, "seed " + seed + ": box of " + box + " pixels");
        }
    }

    @Test
    void theSameSeedGivesTheSameImage() {
        float[] image = new float[SIZE * SIZE];
        for (int i = 0; i < image.length; i++) {
            image[i] = (i % 7) / 7f;
        }
        Augmenter augmenter = new Augmenter(SIZE, SIZE, 0.5f);
        assertArrayEquals(augmenter.augment(image, new SplittableRandom(9)), augmenter.augment(image, new SplittableRandom(9)));
    }
}
