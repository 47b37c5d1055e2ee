package dev.lookalike.analyzer.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookalike.analyzer.image.ImageDecoder;
import dev.lookalike.analyzer.preprocess.PixelImage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ColourFashionMnistTest {

    /**
     * Item i: a 28x28 black image with a solid square of intensity 1 (rows and columns 8 to 19) and a faint
     * column of intensity 0.5 at x = 2; label i % 3.
     */
    private record Squares(int size) implements LabelledDataset {
        @Override
        public String description() {
            return "squares";
        }

        @Override
        public int label(int index) {
            return index % 3;
        }

        @Override
        public List<String> classNames() {
            return List.of("a", "b", "c");
        }

        @Override
        public String itemName(int index) {
            return "square " + index;
        }

        @Override
        public PixelImage image(int index, ImageDecoder decoder) {
            float[] px = new float[28 * 28];
            for (int y = 0; y < 28; y++) {
                px[y * 28 + 2] = 0.5f;
                for (int x = 8; x < 20; x++) {
                    px[y * 28 + x] = y >= 8 && y < 20 ? 1f : px[y * 28 + x];
                }
            }
            return PixelImage.grey(28, 28, px);
        }
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    @Test
    void eachItemsColourAndImageDependOnlyOnTheSeedAndTheItem() {
        ColourFashionMnist forward = new ColourFashionMnist(new Squares(200), 40, 7);
        ColourFashionMnist again = new ColourFashionMnist(new Squares(200), 40, 7);
        for (int i = 199; i >= 0; i--) {
            assertEquals(forward.colour(i), again.colour(i));
        }
        assertArrayEquals(pixels(forward.rgbImage(123)), pixels(again.rgbImage(123)), "rendered alone or after others");
        ColourFashionMnist otherSeed = new ColourFashionMnist(new Squares(200), 40, 8);
        long changed = IntStream.range(0, 200).filter(i -> !otherSeed.colour(i).equals(forward.colour(i))).count();
        assertTrue(changed > 100, "another seed repaints most items (7/8 expected), repainted " + changed);
    }

    @Test
    void everyColourOfThePaletteIsUsedAboutEquallyOften() {
        ColourFashionMnist coloured = new ColourFashionMnist(new Squares(8000), 28, 42);
        Map<String, Integer> counts = new HashMap<>();
        IntStream.range(0, 8000).forEach(i -> counts.merge(coloured.colour(i).name(), 1, Integer::sum));
        assertEquals(ColourFashionMnist.PALETTE.size(), counts.size(), counts::toString);
        counts.values().forEach(c -> assertTrue(c > 800 && c < 1200, "about 1000 of each: " + counts));
    }

    @Test
    void theBackgroundIsWhiteAndSolidPartsAreTheirColourAtTheAskedSize() {
        ColourFashionMnist coloured = new ColourFashionMnist(new Squares(10), 56, 3);
        for (int i = 0; i < 10; i++) {
            BufferedImage image = coloured.rgbImage(i);
            assertEquals(56, image.getWidth());
            assertEquals(56, image.getHeight());
            assertEquals(0xFFFFFF, image.getRGB(55, 55) & 0xFFFFFF, "background");
            assertEquals(0xFFFFFF, image.getRGB(0, 0) & 0xFFFFFF, "background");
            assertEquals(coloured.colour(i).rgb(), image.getRGB(28, 28) & 0xFFFFFF, "the square's middle");
            int faint = image.getRGB(5, 28) & 0xFFFFFF;
            assertTrue(between(faint, coloured.colour(i).rgb()), String.format("a faint part is a tint: %06x", faint));
        }
    }

    /** Whether every channel of {@code tint} lies strictly between the colour's and white's (where they differ). */
    private static boolean between(int tint, int colour) {
        for (int shift : new int[] {16, 8, 0}) {
            int t = (tint >> shift) & 0xff;
            int c = (colour >> shift) & 0xff;
            if (c < 255 && !(t > c && t < 255)) {
                return false;
            }
        }
        return true;
    }

    @Test
    void paletteColoursStayApartAfterJpegAndStandOutFromWhiteInGrey() throws IOException {
        Set<String> names = new HashSet<>();
        for (ColourFashionMnist.NamedColour colour : ColourFashionMnist.PALETTE) {
            assertTrue(names.add(colour.name()), "names are distinct");
            BufferedImage patch = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < 16; y++) {
                for (int x = 0; x < 16; x++) {
                    patch.setRGB(x, y, colour.rgb());
                }
            }
            ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
            ImageIO.write(patch, "jpg", jpeg);
            int back = ImageIO.read(new ByteArrayInputStream(jpeg.toByteArray())).getRGB(8, 8);
            assertEquals(colour, nearest(back), colour.name() + " after JPEG is nearest to itself");
            float luma = PixelImage.fromRgb(patch, 1).at(8, 8);
            assertTrue(luma <= 0.61f, colour.name() + " is dark enough to stand out from white in grey: " + luma);
        }
    }

    private static ColourFashionMnist.NamedColour nearest(int rgb) {
        ColourFashionMnist.NamedColour best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (ColourFashionMnist.NamedColour c : ColourFashionMnist.PALETTE) {
            int d = 0;
            for (int shift : new int[] {16, 8, 0}) {
                int delta = ((rgb >> shift) & 0xff) - ((c.rgb() >> shift) & 0xff);
                d += delta * delta;
            }
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        return best;
    }

    @Test
    void labelsAreTheSourcesAndTheGreyReadIsTheRendersLuma() {
        ColourFashionMnist coloured = new ColourFashionMnist(new Squares(6), 32, 1);
        assertEquals(List.of("a", "b", "c"), coloured.classNames());
        assertEquals(2, coloured.label(5));
        PixelImage grey = coloured.image(4, null);
        assertEquals(32, grey.width());
        assertEquals(1f, grey.at(0, 0), 1e-6f);
        assertTrue(grey.at(16, 16) < 0.62f, "the product is darker than the white background");
        assertTrue(coloured.itemName(4).contains(coloured.colour(4).name()), coloured.itemName(4));
    }

    @Test
    void aSizeOutOfRangeIsRefusedNamingIt() {
        for (int bad : new int[] {0, ColourFashionMnist.MAX_SIZE + 1}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new ColourFashionMnist(new Squares(1), bad, 1));
            assertTrue(e.getMessage().contains("--size") && e.getMessage().contains(String.valueOf(bad)), e.getMessage());
        }
    }
}
