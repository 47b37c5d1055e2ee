package dev.lookalike.analyzer.distort;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackgroundReplacementTest {

    private static final Color TEAL = new Color(40, 150, 140);

    @Test
    void onlyTheBackgroundTakesTheNewColourAndTheProductIsKept() {
        BufferedImage image = TestProducts.onBlack();
        BufferedImage replaced = BackgroundReplacement.replace(image, new BackgroundReplacement.Choice(TEAL, false));
        int[] before = RgbImages.pixels(image);
        int[] after = RgbImages.pixels(replaced);
        int background = 0;
        for (int i = 0; i < before.length; i++) {
            if ((before[i] & 0xffffff) == 0) {
                assertEquals(TEAL.getRGB() & 0xffffff, after[i] & 0xffffff, "background pixel " + i);
                background++;
            } else {
                assertEquals(before[i] & 0xffffff, after[i] & 0xffffff, "product pixel " + i);
            }
        }
        assertTrue(background > before.length / 2);
    }

    @Test
    void anInvertedProductIsTheNegativeOfTheOriginalOnTheNewColour() {
        BufferedImage image = TestProducts.onBlack();
        BufferedImage replaced = BackgroundReplacement.replace(image, new BackgroundReplacement.Choice(Color.LIGHT_GRAY, true));
        assertEquals(~image.getRGB(50, 50) & 0xffffff, replaced.getRGB(50, 50) & 0xffffff, "inside the product");
        assertEquals(Color.LIGHT_GRAY.getRGB(), replaced.getRGB(2, 2));
    }

    @Test
    void anAntiAliasedEdgeBlendsFromTheProductIntoTheNewColourWithoutADarkRim() {
        // A product row, dark at its anti-aliased left edge, in the middle of a black image.
        BufferedImage image = RgbImages.filled(9, 5, Color.BLACK);
        int[] ramp = {0, 0, 0, 20, 40, 200, 200, 200, 200};
        for (int x = 0; x < ramp.length; x++) {
            image.setRGB(x, 2, ramp[x] * 0x010101);
        }
        BufferedImage replaced = BackgroundReplacement.replace(image, new BackgroundReplacement.Choice(new Color(180, 180, 180), false));
        for (int x = 0; x < ramp.length; x++) {
            assertTrue((replaced.getRGB(x, 2) & 0xff) >= 180, "no pixel darker than both the product and the background, x=" + x);
        }
    }

    @Test
    void backgroundsAreGreyOrColouredWithinTheirRangesAndBothPolaritiesOccur() {
        BackgroundReplacement background = new BackgroundReplacement();
        SplittableRandom random = new SplittableRandom(4);
        int grey = 0;
        int inverted = 0;
        for (int i = 0; i < 1000; i++) {
            BackgroundReplacement.Choice choice = background.drawChoice(random);
            Color c = choice.colour();
            if (c.getRed() == c.getGreen() && c.getGreen() == c.getBlue()) {
                grey++;
                assertTrue(c.getRed() >= 51 && c.getRed() <= 204, "grey level " + c.getRed());
            } else {
                float[] hsb = Color.RGBtoHSB(c.getRed(), c.getGreen(), c.getBlue(), null);
                assertTrue(hsb[1] >= 0.29 && hsb[1] <= 0.91 && hsb[2] >= 0.34 && hsb[2] <= 0.96, c.toString());
            }
            inverted += choice.invertProduct() ? 1 : 0;
        }
        assertTrue(grey > 400 && grey < 600, grey + " grey of 1000");
        assertTrue(inverted > 400 && inverted < 600, inverted + " inverted of 1000");
    }

    @Test
    void keepingColoursDrawsTheSameBackgroundsAndNeverInvertsTheProduct() {
        BackgroundReplacement inverting = new BackgroundReplacement();
        BackgroundReplacement keeping = BackgroundReplacement.keepingColours();
        int invertedElsewhere = 0;
        for (long seed = 0; seed < 200; seed++) {
            BackgroundReplacement.Choice usual = inverting.drawChoice(new SplittableRandom(seed));
            BackgroundReplacement.Choice kept = keeping.drawChoice(new SplittableRandom(seed));
            assertEquals(usual.colour(), kept.colour(), "seed " + seed);
            assertFalse(kept.invertProduct(), "seed " + seed);
            invertedElsewhere += usual.invertProduct() ? 1 : 0;
        }
        assertTrue(invertedElsewhere > 50, "the usual replacement inverts about half: " + invertedElsewhere);

        BufferedImage red = TestProducts.product(60, 60, Color.WHITE, new Color(200, 30, 30), 15, 15, 30, 30);
        for (long seed = 0; seed < 40; seed++) {
            Color centre = new Color(keeping.apply(red, new SplittableRandom(seed)).getRGB(20, 20));
            assertTrue(centre.getRed() > 150 && centre.getGreen() < 80 && centre.getBlue() < 80,
                    "seed " + seed + ": the red product became " + centre);
        }
    }
}
