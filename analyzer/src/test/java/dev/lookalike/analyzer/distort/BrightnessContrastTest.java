package dev.lookalike.analyzer.distort;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BrightnessContrastTest {

    @Test
    void changesStayWithinTheirRanges() {
        BrightnessContrast light = BrightnessContrast.realistic();
        SplittableRandom random = new SplittableRandom(9);
        for (int i = 0; i < 1000; i++) {
            BrightnessContrast.Change change = light.drawChange(random);
            assertTrue(change.contrast() >= 0.6 && change.contrast() <= 1.4, "contrast " + change.contrast());
            assertTrue(Math.abs(change.brightness()) <= 0.2, "brightness " + change.brightness());
        }
    }

    @Test
    void noChangeGivesTheSameImage() {
        BufferedImage image = TestProducts.onBlack();
        assertArrayEquals(RgbImages.pixels(image),
                RgbImages.pixels(BrightnessContrast.change(image, new BrightnessContrast.Change(1, 0))));
    }

    @Test
    void contrastPivotsOnMidGreyAndBrightnessShiftsEveryChannel() {
        BufferedImage image = TestProducts.product(10, 10, new Color(64, 64, 64), new Color(192, 192, 192), 0, 0, 5, 10);
        BufferedImage lower = BrightnessContrast.change(image, new BrightnessContrast.Change(0.5, 0));
        assertEquals(96, lower.getRGB(9, 0) & 0xff, "(64 - 127.5) / 2 + 127.5");
        assertEquals(160, lower.getRGB(0, 0) & 0xff, "(192 - 127.5) / 2 + 127.5");
        BufferedImage brighter = BrightnessContrast.change(image, new BrightnessContrast.Change(1, 0.1));
        assertEquals(64 + 26, brighter.getRGB(9, 0) & 0xff);
        assertEquals(255, BrightnessContrast.change(RgbImages.filled(2, 2, Color.WHITE),
                new BrightnessContrast.Change(1.4, 0.2)).getRGB(0, 0) & 0xff, "clipped at white");
    }

    @Test
    void changesOutsideTheirRangesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new BrightnessContrast(1.5, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new BrightnessContrast(0.2, -0.1));
    }
}
