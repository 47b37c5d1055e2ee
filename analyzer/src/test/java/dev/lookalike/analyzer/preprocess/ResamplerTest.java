package dev.lookalike.analyzer.preprocess;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ResamplerTest {

    private static PixelImage random(int width, int height, long seed) {
        Random random = new Random(seed);
        float[] px = new float[width * height];
        for (int i = 0; i < px.length; i++) {
            px[i] = random.nextFloat();
        }
        return PixelImage.grey(width, height, px);
    }

    private static double mean(float[] values) {
        double sum = 0;
        for (float v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    @Test
    void shrinkingPreservesMeanIntensityForNonIntegerRatios() {
        PixelImage src = random(37, 23, 1);
        float[] out = Resampler.resize(src, 0, 0, 0, 37, 23, 10, 7);
        assertEquals(70, out.length);
        assertEquals(mean(src.pixels()), mean(out), 1e-5);
    }

    @Test
    void shrinkingByAnIntegerFactorAveragesEachBlock() {
        PixelImage src = random(6, 4, 2);
        float[] out = Resampler.resize(src, 0, 0, 0, 6, 4, 3, 2);
        for (int ty = 0; ty < 2; ty++) {
            for (int tx = 0; tx < 3; tx++) {
                float block = (src.at(2 * tx, 2 * ty) + src.at(2 * tx + 1, 2 * ty)
                        + src.at(2 * tx, 2 * ty + 1) + src.at(2 * tx + 1, 2 * ty + 1)) / 4;
                assertEquals(block, out[ty * 3 + tx], 1e-6f, "block " + tx + "," + ty);
            }
        }
    }

    @Test
    void identitySizeIsExact() {
        PixelImage src = random(9, 5, 3);
        assertArrayEquals(src.pixels(), Resampler.resize(src, 0, 0, 0, 9, 5, 9, 5));
    }

    @Test
    void identitySizeOfARectangleCopiesThatRectangle() {
        PixelImage src = random(9, 7, 4);
        float[] out = Resampler.resize(src, 0, 2, 3, 4, 3, 4, 3);
        for (int y = 0; y < 3; y++) {
            for (int x = 0; x < 4; x++) {
                assertEquals(src.at(2 + x, 3 + y), out[y * 4 + x], "pixel " + x + "," + y);
            }
        }
    }

    @Test
    void enlargingAConstantImageKeepsItConstant() {
        PixelImage src = PixelImage.grey(3, 2, new float[] {0.4f, 0.4f, 0.4f, 0.4f, 0.4f, 0.4f});
        for (float v : Resampler.resize(src, 0, 0, 0, 3, 2, 11, 8)) {
            assertEquals(0.4f, v, 1e-6f);
        }
    }

    @Test
    void enlargingInterpolatesBetweenNeighbours() {
        PixelImage src = PixelImage.grey(2, 1, new float[] {0f, 1f});
        float[] out = Resampler.resize(src, 0, 0, 0, 2, 1, 4, 1);
        // Target centres at source x = -0.25 (clamped to 0), 0.25, 0.75, 1.25 (clamped to 1).
        assertArrayEquals(new float[] {0f, 0.25f, 0.75f, 1f}, out, 1e-6f);
    }
}
