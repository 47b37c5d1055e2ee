package dev.lookalike.analyzer.distort;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RotationTest {

    @Test
    void rotatingByZeroGivesTheSameImage() {
        BufferedImage image = TestProducts.onBlack();
        BufferedImage rotated = Rotation.rotate(image, 0);
        assertEquals(image.getWidth(), rotated.getWidth());
        assertEquals(image.getHeight(), rotated.getHeight());
        assertArrayEquals(RgbImages.pixels(image), RgbImages.pixels(rotated));
    }

    @Test
    void anglesStayWithinFifteenDegreesAndGoBothWays() {
        Rotation rotation = Rotation.realistic();
        SplittableRandom random = new SplittableRandom(3);
        double min = 0;
        double max = 0;
        for (int i = 0; i < 2000; i++) {
            double degrees = rotation.drawDegrees(random);
            assertTrue(Math.abs(degrees) <= 15, "angle " + degrees);
            min = Math.min(min, degrees);
            max = Math.max(max, degrees);
        }
        assertTrue(min < -14 && max > 14, "the whole range is used: " + min + ".." + max);
    }

    @Test
    void theCanvasGrowsToHoldTheRotatedImageAndItsCornersTakeTheBackgroundColour() {
        Color grey = new Color(128, 128, 128);
        BufferedImage image = TestProducts.product(100, 60, grey, Color.WHITE, 10, 10, 80, 40);
        BufferedImage rotated = Rotation.rotate(image, 15);
        assertTrue(rotated.getWidth() > 100 && rotated.getHeight() > 60, rotated.getWidth() + "x" + rotated.getHeight());
        assertEquals(grey.getRGB(), rotated.getRGB(0, 0));
        assertEquals(grey.getRGB(), rotated.getRGB(rotated.getWidth() - 1, rotated.getHeight() - 1));
        BufferedImage quarter = Rotation.rotate(image, 90);
        assertEquals(60, quarter.getWidth());
        assertEquals(100, quarter.getHeight());
    }

    @Test
    void aPositiveAngleTurnsCounterClockwise() {
        // A horizontal bar turned counter-clockwise rises to the right.
        BufferedImage bar = TestProducts.product(101, 101, Color.BLACK, Color.WHITE, 10, 48, 81, 5);
        BufferedImage rotated = Rotation.rotate(bar, 15);
        int w = rotated.getWidth();
        assertTrue(topOfColumn(rotated, w / 2 + 35) < topOfColumn(rotated, w / 2 - 35));
    }

    private static int topOfColumn(BufferedImage image, int x) {
        for (int y = 0; y < image.getHeight(); y++) {
            if ((image.getRGB(x, y) & 0xff) > 128) {
                return y;
            }
        }
        return image.getHeight();
    }

    @Test
    void aRangeOutsideZeroToOneEightyIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Rotation(-1));
        assertThrows(IllegalArgumentException.class, () -> new Rotation(Double.NaN));
    }
}
