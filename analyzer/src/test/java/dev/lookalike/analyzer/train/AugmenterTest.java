package dev.lookalike.analyzer.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AugmenterTest {

    private static final int SIZE = 28;

    @Test
    void erasingOffLeavesTheGeometricAugmentationAsItWas() {
        float[] image = new float[SIZE * SIZE];
        // A black image stays black under flip, scale, shift and contrast: only erasing can add light.
        for (int seed = 0; seed < 50; seed++) {
            float[] out = new Augmenter(SIZE, SIZE, 1, 0f).augment(image, new SplittableRandom(seed));
            assertArrayEquals(new float[SIZE * SIZE], out);
        }
    }

    @Test
    void erasingAlwaysOnOverwritesOneRectangleOfBoundedArea() {
        float[] image = new float[SIZE * SIZE];
        for (int seed = 0; seed < 200; seed++) {
            float[] out = new Augmenter(SIZE, SIZE, 1, 1f).augment(image, new SplittableRandom(seed));
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
        Augmenter augmenter = new Augmenter(SIZE, SIZE, 1, 0.5f);
        assertArrayEquals(augmenter.augment(image, new SplittableRandom(9)), augmenter.augment(image, new SplittableRandom(9)));
    }

    /** A colour image: a rectangle of (red, green, blue) on black, one plane per channel. */
    private static float[] colourRectangle(float red, float green, float blue) {
        int plane = SIZE * SIZE;
        float[] image = new float[3 * plane];
        float[] colour = {red, green, blue};
        for (int c = 0; c < 3; c++) {
            for (int y = 8; y < 20; y++) {
                for (int x = 5; x < 15; x++) {
                    image[c * plane + y * SIZE + x] = colour[c];
                }
            }
        }
        return image;
    }

    @Test
    void colourAugmentationKeepsEveryPixelsHue() {
        float[] image = colourRectangle(0.6f, 0.3f, 0.15f);
        int plane = SIZE * SIZE;
        for (int seed = 0; seed < 50; seed++) {
            float[] out = new Augmenter(SIZE, SIZE, 3, 0f).augment(image, new SplittableRandom(seed));
            for (int i = 0; i < plane; i++) {
                if (out[i] > 0.01f) {
                    assertEquals(0.5f, out[plane + i] / out[i], 1e-4f, "green to red, seed " + seed + ", pixel " + i);
                    assertEquals(0.25f, out[2 * plane + i] / out[i], 1e-4f, "blue to red, seed " + seed + ", pixel " + i);
                }
            }
        }
    }

    @Test
    void eachChannelOfAColourAugmentationIsTheGreyAugmentationWithTheSameSeed() {
        float[] grey = new float[SIZE * SIZE];
        for (int i = 0; i < grey.length; i++) {
            grey[i] = (i % 11) / 11f;
        }
        float[] colour = new float[3 * grey.length];
        for (int c = 0; c < 3; c++) {
            System.arraycopy(grey, 0, colour, c * grey.length, grey.length);
        }
        for (int seed = 0; seed < 20; seed++) {
            float[] expected = new Augmenter(SIZE, SIZE, 1, 0f).augment(grey, new SplittableRandom(seed));
            float[] out = new Augmenter(SIZE, SIZE, 3, 0f).augment(colour, new SplittableRandom(seed));
            for (int c = 0; c < 3; c++) {
                assertArrayEquals(expected, Arrays.copyOfRange(out, c * grey.length, (c + 1) * grey.length), "seed " + seed);
            }
        }
    }

    @Test
    void erasingOverwritesTheSameRectangleInEveryChannel() {
        float[] image = new float[3 * SIZE * SIZE];
        int plane = SIZE * SIZE;
        for (int seed = 0; seed < 50; seed++) {
            float[] out = new Augmenter(SIZE, SIZE, 3, 1f).augment(image, new SplittableRandom(seed));
            for (int i = 0; i < plane; i++) {
                boolean lit = out[i] > 0 || out[plane + i] > 0 || out[2 * plane + i] > 0;
                int litChannels = (out[i] > 0 ? 1 : 0) + (out[plane + i] > 0 ? 1 : 0) + (out[2 * plane + i] > 0 ? 1 : 0);
                assertTrue(!lit || litChannels == 3, "seed " + seed + ", pixel " + i + " erased in one channel only");
            }
        }
    }
}
