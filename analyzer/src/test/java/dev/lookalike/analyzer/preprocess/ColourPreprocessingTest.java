package dev.lookalike.analyzer.preprocess;

import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ColourPreprocessingTest {

    private static final InputSpec GREY = InputSpec.fashionMnist();
    private static final InputSpec COLOUR = GREY.resized(28, 28, 3);

    private static boolean[] footprint(PixelImage image) {
        boolean[] object = new boolean[image.width() * image.height()];
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                for (int c = 0; c < image.channels(); c++) {
                    object[y * image.width() + x] |= image.at(c, x, y) > 0.5f;
                }
            }
        }
        return object;
    }

    private static float[] channel(PixelImage image, int c) {
        int plane = image.width() * image.height();
        return Arrays.copyOfRange(image.pixels(), c * plane, (c + 1) * plane);
    }

    @Test
    void aRedAndABlueShirtDifferOnlyInTheirChannels() {
        Preprocessor pre = new Preprocessor(COLOUR);
        PixelImage red = pre.fit(PixelImage.fromRgb(ProductPhotos.of(80, 60, Color.WHITE, Color.RED, 20, 10, 30, 40)));
        PixelImage blue = pre.fit(PixelImage.fromRgb(ProductPhotos.of(80, 60, Color.WHITE, Color.BLUE, 20, 10, 30, 40)));
        assertEquals(3, red.channels());
        assertArrayEquals(footprint(red), footprint(blue), "same product, same place: only the colour differs");
        // On white each channel is its distance from white: red (1, 0, 0) gives (0, 1, 1), blue (0, 0, 1) gives (1, 1, 0).
        assertEquals(0f, red.at(0, 14, 14), 1e-5f);
        assertEquals(1f, red.at(2, 14, 14), 1e-5f);
        assertEquals(1f, blue.at(0, 14, 14), 1e-5f);
        assertEquals(0f, blue.at(2, 14, 14), 1e-5f);
        assertArrayEquals(channel(red, 1), channel(blue, 1), "green is the same in both");
        assertEquals(0f, red.at(0, 0, 0) + red.at(1, 0, 0) + red.at(2, 0, 0), 1e-6f, "the white background is black");

        Preprocessor grey = new Preprocessor(GREY);
        assertEquals(1, grey.fit(PixelImage.fromRgb(ProductPhotos.of(80, 60, Color.WHITE, Color.RED, 20, 10, 30, 40))).channels(),
                "a grey model still gets grey from a colour photo");
    }

    @Test
    void asPhotographedTurnsAFittedColourProductBackIntoItsOwnColoursOnWhiteWhichFitsToTheSameInput() {
        Preprocessor pre = new Preprocessor(COLOUR);
        PixelImage fitted = pre.fit(PixelImage.fromRgb(ProductPhotos.of(80, 60, Color.WHITE, Color.RED, 20, 10, 30, 40)));
        PixelImage photographed = pre.asPhotographed(fitted);
        assertEquals(1f, photographed.at(0, 14, 14), 1e-5f, "red stays red");
        assertEquals(0f, photographed.at(1, 14, 14), 1e-5f);
        assertEquals(0f, photographed.at(2, 14, 14), 1e-5f);
        for (int c = 0; c < 3; c++) {
            assertEquals(1f, photographed.at(c, 0, 0), 1e-6f, "the background is white again");
        }
        assertArrayEquals(fitted.pixels(), pre.fit(photographed).pixels(), 1e-5f, "fitting it again changes nothing");

        Preprocessor grey = new Preprocessor(GREY);
        PixelImage greyFitted = grey.fit(PixelImage.fromRgb(ProductPhotos.of(80, 60, Color.WHITE, Color.RED, 20, 10, 30, 40)));
        assertEquals(greyFitted, grey.asPhotographed(greyFitted), "grey reads light on dark as it is");
    }

    @Test
    void aColourModelGivenAGreyImageOnWhiteGetsTheGreyModelsInputInEveryChannel() {
        for (Color ink : new Color[] {Color.DARK_GRAY, Color.BLACK, new Color(90, 90, 90)}) {
            PixelImage image = PixelImage.fromRgb(ProductPhotos.of(70, 50, Color.WHITE, ink, 12, 6, 25, 30), 1);
            float[] expected = new Preprocessor(GREY).apply(image);
            float[] colour = new Preprocessor(COLOUR).apply(image);
            for (int c = 0; c < 3; c++) {
                assertArrayEquals(expected, Arrays.copyOfRange(colour, c * expected.length, (c + 1) * expected.length),
                        "channel " + c + " of " + ink + " on white is the grey input, bit for bit");
            }
        }
        // A spec that keeps the background as it is treats grey and colour alike on any background.
        InputSpec any = new InputSpec(20, 30, 1, 0.1f, 0.3f, "any", false, 0.08f);
        PixelImage onBlack = PixelImage.fromRgb(ProductPhotos.of(70, 50, Color.BLACK, Color.LIGHT_GRAY, 12, 6, 25, 30), 1);
        float[] expected = new Preprocessor(any).apply(onBlack);
        float[] colour = new Preprocessor(any.resized(20, 30, 3)).apply(onBlack);
        assertArrayEquals(expected, Arrays.copyOfRange(colour, 0, expected.length));
    }

    @Test
    void aColourProductComesOutAsOnWhiteOnGreyOnAColouredWallAndOnBlack() {
        Preprocessor pre = new Preprocessor(COLOUR);
        for (Color ink : new Color[] {Color.RED, new Color(30, 60, 200), new Color(90, 40, 20)}) {
            PixelImage onWhite = pre.fit(PixelImage.fromRgb(ProductPhotos.of(90, 70, Color.WHITE, ink, 30, 10, 20, 50)));
            for (Color wall : new Color[] {new Color(128, 128, 128), new Color(40, 160, 60), new Color(230, 200, 120),
                Color.BLACK}) {
                PixelImage elsewhere = pre.fit(PixelImage.fromRgb(ProductPhotos.of(90, 70, wall, ink, 30, 10, 20, 50)));
                assertArrayEquals(onWhite.pixels(), elsewhere.pixels(), 1e-6f, ink + " on " + wall);
            }
        }
        // Not what the grey rule would give: that turns each channel into its distance from the wall's level, so a red
        // product on a green wall came out in other colours than on white.
        PixelImage red = pre.fit(PixelImage.fromRgb(ProductPhotos.of(90, 70, new Color(40, 160, 60), Color.RED, 30, 10, 20, 50)));
        assertEquals(0f, red.at(0, 14, 14), 1e-6f);
        assertEquals(1f, red.at(1, 14, 14), 1e-6f);
        assertEquals(1f, red.at(2, 14, 14), 1e-6f);
    }

    @Test
    void aNonSquareInputFitsTheObjectsLongerSideAndCentresIt() {
        InputSpec wide = GREY.resized(32, 16, 3);
        // 40 wide, 10 high: scale min(32/40, 16/10) = 0.8 gives 32x8, top = (16 - 8) / 2 = 4, so rows 4..11.
        PixelImage fitted = new Preprocessor(wide).fit(PixelImage.fromRgb(
                ProductPhotos.of(100, 100, Color.BLACK, Color.YELLOW, 30, 70, 40, 10)));
        assertEquals(32, fitted.width());
        assertEquals(16, fitted.height());
        for (int y = 0; y < 16; y++) {
            float expected = y >= 4 && y < 12 ? 1f : 0f;
            // Yellow, as on white: no distance from white in red and green, all of it in blue.
            assertEquals(expected, fitted.at(2, 5, y), 1e-5f, "blue, row " + y);
            assertEquals(expected, fitted.at(2, 26, y), 1e-5f, "blue, row " + y);
            assertEquals(0f, fitted.at(0, 5, y), 1e-5f, "red, row " + y);
        }
        float[] tall = new Preprocessor(GREY.resized(12, 40, 1)).apply(ProductPhotos.of(50, 50, Color.WHITE, Color.BLACK, 5, 5, 10, 10));
        assertEquals(12 * 40, tall.length);
    }

    @Test
    void mirroringAColourInputFlipsEveryRowOfEveryChannel() {
        Preprocessor pre = new Preprocessor(GREY.resized(3, 2, 3));
        float[] input = new float[18];
        for (int i = 0; i < input.length; i++) {
            input[i] = i;
        }
        assertArrayEquals(new float[] {2, 1, 0, 5, 4, 3, 8, 7, 6, 11, 10, 9, 14, 13, 12, 17, 16, 15}, pre.mirror(input));
    }

    @Test
    void normalisationUsesEachChannelsMeanAndStd() {
        InputSpec spec = new InputSpec(4, 4, 3, List.of(0.1f, 0.2f, 0.3f), List.of(0.5f, 0.25f, 2f), "any", false, 0.08f);
        float[] ones = new float[spec.size()];
        Arrays.fill(ones, 1f);
        float[] normalised = new Preprocessor(spec).normalize(ones);
        assertEquals((1 - 0.1f) / 0.5f, normalised[0], 1e-6f);
        assertEquals((1 - 0.2f) / 0.25f, normalised[16], 1e-6f);
        assertEquals((1 - 0.3f) / 2f, normalised[47], 1e-6f);
    }
}
