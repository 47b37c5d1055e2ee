package dev.lookalike.analyzer.preprocess;

import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PreprocessorTest {

    private static final InputSpec FASHION = InputSpec.fashionMnist();

    /** A {@code size x size} RGB image of {@code background} with a filled rectangle of {@code ink}. */
    private static BufferedImage rectangle(int size, Color background, Color ink, int x, int y, int w, int h) {
        return ProductPhotos.of(size, size, background, ink, x, y, w, h);
    }

    /** Grey image of {@code value} in [x, x+w) x [y, y+h), zero elsewhere. */
    private static PixelImage block(int width, int height, int x, int y, int w, int h, float value) {
        float[] px = new float[width * height];
        for (int row = y; row < y + h; row++) {
            for (int col = x; col < x + w; col++) {
                px[row * width + col] = value;
            }
        }
        return PixelImage.grey(width, height, px);
    }

    @Test
    void whiteBackgroundPhotoIsInvertedToDark() {
        Preprocessor pre = new Preprocessor(FASHION);
        PixelImage fitted = pre.fit(PixelImage.fromRgb(rectangle(60, Color.WHITE, Color.BLACK, 20, 10, 20, 40)));
        assertEquals(0f, fitted.at(0, 0), 1e-6f, "the white background becomes black");
        assertEquals(1f, fitted.at(14, 14), 1e-5f, "the black product becomes bright");
    }

    @Test
    void productOnWhiteLooksLikeTheSameProductOnBlack() {
        Preprocessor pre = new Preprocessor(FASHION);
        float[] onWhite = pre.apply(rectangle(60, Color.WHITE, Color.BLACK, 5, 12, 30, 17));
        float[] onBlack = pre.apply(rectangle(60, Color.BLACK, Color.WHITE, 5, 12, 30, 17));
        assertArrayEquals(onBlack, onWhite, 1e-5f);
    }

    @Test
    void productOnBlackIsNotInverted() {
        Preprocessor pre = new Preprocessor(FASHION);
        PixelImage fitted = pre.fit(block(50, 50, 10, 10, 15, 30, 0.6f));
        assertEquals(0f, fitted.at(0, 0), "the background stays dark");
        assertEquals(0.6f, fitted.at(14, 14), 1e-5f, "the product keeps its intensity");
    }

    @Test
    void greyBackgroundIsStretchedToBlack() {
        float[] px = new float[40 * 40];
        java.util.Arrays.fill(px, 0.2f);
        for (int y = 10; y < 30; y++) {
            for (int x = 10; x < 30; x++) {
                px[y * 40 + x] = 0.6f;
            }
        }
        PixelImage fitted = new Preprocessor(FASHION).fit(PixelImage.grey(40, 40, px));
        // The whole frame is the product's box once the background is removed, so it fills the input.
        assertEquals(0.5f, fitted.at(14, 14), 1e-5f, "(0.6 - 0.2) / (1 - 0.2)");
    }

    @Test
    void aProductOnGreyOrColourIsFoundAndCroppedAsOnWhite() {
        Preprocessor pre = new Preprocessor(FASHION);
        PixelImage onWhite = pre.fit(PixelImage.fromRgb(rectangle(60, Color.WHITE, Color.BLACK, 8, 14, 22, 36)));
        int[] expected = objectBox(onWhite);
        Color[][] backgroundAndProduct = {
            {new Color(170, 170, 170), Color.WHITE},    // a light product on light grey: darker than the border's level
            {new Color(150, 150, 150), Color.BLACK},    // a dark product on grey
            {new Color(60, 60, 60), Color.WHITE},       // a light product on dark grey
            {new Color(200, 120, 60), Color.WHITE},     // a light product on orange
            {new Color(70, 150, 210), new Color(20, 30, 40)}, // a dark product on blue
        };
        for (Color[] pair : backgroundAndProduct) {
            PixelImage fitted = pre.fit(PixelImage.fromRgb(rectangle(60, pair[0], pair[1], 8, 14, 22, 36)));
            assertArrayEquals(expected, objectBox(fitted), "product " + pair[1] + " on " + pair[0]);
            assertEquals(0f, fitted.at(0, 0), 1e-6f, "the background becomes black");
            assertTrue(fitted.at(14, 14) > 0.3f, "the product stands out: " + fitted.at(14, 14));
        }
    }

    @Test
    void aBlackProductOnGreyComesOutExactlyAsOnWhite() {
        Preprocessor pre = new Preprocessor(FASHION);
        float[] onWhite = pre.apply(rectangle(60, Color.WHITE, Color.BLACK, 5, 12, 30, 17));
        float[] onGrey = pre.apply(rectangle(60, new Color(140, 140, 140), Color.BLACK, 5, 12, 30, 17));
        assertArrayEquals(onWhite, onGrey, 1e-5f);
    }

    @Test
    void partsLighterAndDarkerThanTheBackgroundAreBothProduct() {
        float[] px = new float[40 * 40];
        java.util.Arrays.fill(px, 0.5f);
        for (int y = 5; y < 35; y++) {
            for (int x = 10; x < 30; x++) {
                px[y * 40 + x] = y < 20 ? 0.9f : 0.1f;
            }
        }
        PixelImage fitted = new Preprocessor(FASHION).fit(PixelImage.grey(40, 40, px));
        assertEquals(0.8f, fitted.at(14, 5), 1e-5f, "|0.9 - 0.5| / 0.5, at the top");
        assertEquals(0.8f, fitted.at(14, 22), 1e-5f, "|0.1 - 0.5| / 0.5, at the bottom");
        int[] box = objectBox(fitted);
        assertEquals(0, box[1], "the box holds the lighter half");
        assertEquals(27, box[3], "and the darker one");
    }

    /** @return {minX, minY, maxX, maxY} of the pixels above the spec's object threshold */
    private static int[] objectBox(PixelImage image) {
        int[] box = {image.width(), image.height(), -1, -1};
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                if (image.at(x, y) > FASHION.objectThreshold()) {
                    box[0] = Math.min(box[0], x);
                    box[1] = Math.min(box[1], y);
                    box[2] = Math.max(box[2], x);
                    box[3] = Math.max(box[3], y);
                }
            }
        }
        return box;
    }

    @Test
    void objectIsCroppedAndItsLongestEdgeFittedCentred() {
        Preprocessor pre = new Preprocessor(FASHION);
        // A 10 wide, 20 high object: scale min(28/10, 28/20) = 1.4 gives 14x28, centred at columns 7..20.
        PixelImage fitted = pre.fit(block(100, 100, 63, 5, 10, 20, 1f));
        assertEquals(28, fitted.width());
        assertEquals(28, fitted.height());
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                boolean inside = x >= 7 && x < 21;
                if (inside) {
                    assertEquals(1f, fitted.at(x, y), 1e-5f, "inside at " + x + "," + y);
                } else {
                    assertEquals(0f, fitted.at(x, y), "outside at " + x + "," + y);
                }
            }
        }
    }

    @Test
    void wideObjectIsCentredVertically() {
        Preprocessor pre = new Preprocessor(FASHION);
        // 40 wide, 10 high: scale 0.7 gives 28x7, top = (28 - 7) / 2 = 10, so rows 10..16.
        PixelImage fitted = pre.fit(block(100, 100, 30, 70, 40, 10, 1f));
        for (int y = 0; y < 28; y++) {
            float expected = y >= 10 && y < 17 ? 1f : 0f;
            assertEquals(expected, fitted.at(3, y), 1e-5f, "row " + y);
            assertEquals(expected, fitted.at(24, y), 1e-5f, "row " + y);
        }
    }

    @Test
    void normalisationUsesTheSpecsSizeMeanAndStd() {
        InputSpec spec = new InputSpec(16, 16, 1, 0.5f, 0.25f, "dark", true, 0.08f);
        Preprocessor pre = new Preprocessor(spec);
        // 10x20 object: scale min(16/10, 16/20) = 0.8 gives 8x16 at columns 4..11.
        float[] input = pre.apply(block(100, 100, 40, 40, 10, 20, 1f));
        assertEquals(256, input.length);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                float expected = x >= 4 && x < 12 ? (1 - 0.5f) / 0.25f : (0 - 0.5f) / 0.25f;
                assertEquals(expected, input[y * 16 + x], 1e-4f, "at " + x + "," + y);
            }
        }
    }

    @Test
    void withoutCanonicalisationTheWholeFrameIsResized() {
        InputSpec spec = new InputSpec(10, 10, 1, 0f, 1f, "any", false, 0.08f);
        // Left half bright: a plain resize keeps it the left half, a crop would fill the frame.
        PixelImage fitted = new Preprocessor(spec).fit(block(40, 40, 0, 0, 20, 40, 1f));
        assertEquals(1f, fitted.at(2, 5), 1e-6f);
        assertEquals(0f, fitted.at(7, 5), 1e-6f);
    }

    @Test
    void backgroundAnyDoesNotInvert() {
        InputSpec spec = new InputSpec(8, 8, 1, 0f, 1f, "any", false, 0.08f);
        float[] px = new float[64];
        java.util.Arrays.fill(px, 1f);
        assertEquals(1f, new Preprocessor(spec).apply(PixelImage.grey(8, 8, px))[0], 1e-6f);
    }

    @Test
    void allBlackImageKeepsTheWholeFrame() {
        Preprocessor pre = new Preprocessor(FASHION);
        float[] input = pre.apply(PixelImage.grey(64, 64, new float[64 * 64]));
        assertEquals(784, input.length);
        for (float v : input) {
            assertEquals(-FASHION.mean(0) / FASHION.std(0), v, 1e-6f);
        }
        // A faint mark below the object threshold is not taken for the object: the frame is only resized.
        PixelImage faint = pre.fit(block(56, 56, 0, 0, 2, 2, 0.05f));
        assertEquals(0.05f, faint.at(0, 0), 1e-6f);
        assertEquals(0f, faint.at(1, 1), 1e-6f);
        assertEquals(0f, faint.at(27, 27), 1e-6f);
    }

    @Test
    void tinyImagesWork() {
        Preprocessor pre = new Preprocessor(FASHION);
        for (PixelImage tiny : new PixelImage[] {
                PixelImage.grey(1, 1, new float[] {1f}),
                PixelImage.grey(1, 1, new float[] {0f}),
                PixelImage.grey(1, 3, new float[] {0f, 1f, 0f}),
                PixelImage.grey(3, 1, new float[] {0f, 1f, 0f})}) {
            float[] input = pre.apply(tiny);
            assertEquals(784, input.length);
            for (float v : input) {
                assertTrue(Float.isFinite(v));
            }
        }
    }

    @Test
    void singleBrightPixelOnDarkLineFillsTheCentre() {
        // 3x1 with a bright middle: the border (two dark ends) says dark, the object is the one pixel.
        PixelImage fitted = new Preprocessor(FASHION).fit(PixelImage.grey(3, 1, new float[] {0f, 1f, 0f}));
        assertEquals(1f, fitted.at(14, 14), 1e-6f);
        assertEquals(1f, fitted.at(0, 0), 1e-6f, "a 1x1 object is scaled to fill the whole square");
    }

    @Test
    void applyDoesNotModifyItsInput() {
        PixelImage image = block(20, 20, 5, 5, 5, 10, 0.7f);
        float[] before = image.pixels().clone();
        new Preprocessor(FASHION).apply(image);
        assertArrayEquals(before, image.pixels());
    }
}
