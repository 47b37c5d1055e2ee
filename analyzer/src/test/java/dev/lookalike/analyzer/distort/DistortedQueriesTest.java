package dev.lookalike.analyzer.distort;

import dev.lookalike.analyzer.preprocess.PixelImage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DistortedQueriesTest {

    /** A 28x28 catalogue image: a bright product on black. */
    private static PixelImage catalogueImage() {
        float[] px = new float[28 * 28];
        for (int y = 4; y < 24; y++) {
            for (int x = 8; x < 20; x++) {
                px[y * 28 + x] = x < 14 ? 1f : 0.6f;
            }
        }
        return PixelImage.grey(28, 28, px);
    }

    private static final ImageDistortion ALL = new BackgroundReplacement().andThen(ScaleShift.realistic())
            .andThen(Rotation.realistic()).andThen(GaussianBlur.realistic()).andThen(BrightnessContrast.realistic())
            .andThen(JpegCompression.realistic());

    @Test
    void theSameSeedAndItemGiveTheSamePhotoAndAnotherSeedOrItemAnother() {
        PixelImage image = catalogueImage();
        DistortedQueries queries = new DistortedQueries(ALL, 7);
        assertArrayEquals(queries.query(3, image), new DistortedQueries(ALL, 7).query(3, image));
        assertFalse(java.util.Arrays.equals(queries.query(3, image), new DistortedQueries(ALL, 8).query(3, image)));
        assertFalse(java.util.Arrays.equals(queries.query(3, image), queries.query(4, image)));
    }

    @Test
    void photosAreLosslessPngsOfTheEnlargedDistortedImage() throws IOException {
        DistortedQueries none = new DistortedQueries((image, random) -> image, 1);
        byte[] bytes = none.query(0, catalogueImage());
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(bytes));
        assertEquals(28 * DistortedQueries.ENLARGEMENT, decoded.getWidth());
        assertEquals((byte) 0x89, bytes[0]);
        assertEquals('P', bytes[1], "a PNG signature");
        assertArrayEquals(RgbImages.pixels(none.distorted(0, catalogueImage())), RgbImages.pixels(decoded));
        assertEquals(0, decoded.getRGB(0, 0) & 0xffffff, "the background stays black");
        assertTrue((decoded.getRGB(40, 50) & 0xff) > 240, "the product stays bright");
    }

    @Test
    void chainedDistortionsRunInOrderOnOneRandomSource() {
        List<String> calls = new ArrayList<>();
        ImageDistortion first = (image, random) -> {
            calls.add("first " + random.nextInt(100));
            return image;
        };
        ImageDistortion second = (image, random) -> {
            calls.add("second " + random.nextInt(100));
            return image;
        };
        first.andThen(second).apply(TestProducts.onBlack(), new SplittableRandom(1));
        SplittableRandom same = new SplittableRandom(1);
        assertEquals(List.of("first " + same.nextInt(100), "second " + same.nextInt(100)), calls);
    }

    @Test
    void aColourCatalogueImageTakesTheColourDistortionAndAGreyOneTheGrey() {
        ImageDistortion blue = (image, random) -> RgbImages.filled(image.getWidth(), image.getHeight(), java.awt.Color.BLUE);
        ImageDistortion green = (image, random) -> RgbImages.filled(image.getWidth(), image.getHeight(), java.awt.Color.GREEN);
        DistortedQueries queries = new DistortedQueries(blue, green, 1);
        PixelImage grey = catalogueImage();
        PixelImage colour = grey.withChannels(3);
        assertEquals(java.awt.Color.BLUE.getRGB(), queries.distorted(0, grey).getRGB(5, 5));
        assertEquals(java.awt.Color.GREEN.getRGB(), queries.distorted(0, colour).getRGB(5, 5));
    }
}
