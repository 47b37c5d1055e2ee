package dev.lookalike.analyzer.distort;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GaussianBlurTest {

    @Test
    void sigmasStayWithinTheirRange() {
        GaussianBlur blur = GaussianBlur.realistic();
        SplittableRandom random = new SplittableRandom(2);
        for (int i = 0; i < 1000; i++) {
            double sigma = blur.drawSigma(random);
            assertTrue(sigma >= 0.005 && sigma <= 0.02, "sigma " + sigma);
        }
    }

    @Test
    void aSharpEdgeBecomesARampAndAUniformImageStaysUniform() {
        BufferedImage half = TestProducts.product(40, 40, Color.BLACK, Color.WHITE, 20, 0, 20, 40);
        BufferedImage blurred = GaussianBlur.blur(half, 2);
        int left = blurred.getRGB(19, 20) & 0xff;
        int right = blurred.getRGB(20, 20) & 0xff;
        assertTrue(left > 40 && left < 128 && right > 128 && right < 215, left + " | " + right);
        assertEquals(0, blurred.getRGB(2, 20) & 0xff, "far from the edge, black stays black");

        BufferedImage grey = RgbImages.filled(30, 30, new Color(77, 140, 200));
        assertArrayEquals(RgbImages.pixels(grey), RgbImages.pixels(GaussianBlur.blur(grey, 3)));
    }

    @Test
    void noBlurGivesTheSameImage() {
        BufferedImage image = TestProducts.onBlack();
        assertArrayEquals(RgbImages.pixels(image), RgbImages.pixels(GaussianBlur.blur(image, 0)));
    }

    @Test
    void aNegativeOrHugeSigmaIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new GaussianBlur(-0.1, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new GaussianBlur(0.1, 0.5));
    }
}
