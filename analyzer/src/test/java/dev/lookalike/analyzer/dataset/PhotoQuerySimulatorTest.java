package dev.lookalike.analyzer.dataset;

import dev.lookalike.analyzer.preprocess.PixelImage;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PhotoQuerySimulatorTest {

    /** A 28x28 catalogue image: a bright product on black, clear of the frame's edge. */
    private static PixelImage product() {
        float[] px = new float[28 * 28];
        for (int y = 4; y < 24; y++) {
            for (int x = 8; x < 20; x++) {
                px[y * 28 + x] = 1f;
            }
        }
        return PixelImage.grey(28, 28, px);
    }

    private static BufferedImage decode(byte[] bytes) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            assertTrue(readers.hasNext());
            ImageReader reader = readers.next();
            assertEquals("jpeg", reader.getFormatName().toLowerCase());
            reader.setInput(in);
            BufferedImage image = reader.read(0);
            reader.dispose();
            return image;
        }
    }

    private static int luma(int rgb) {
        return (int) Math.round(0.299 * ((rgb >> 16) & 0xff) + 0.587 * ((rgb >> 8) & 0xff) + 0.114 * (rgb & 0xff));
    }

    @Test
    void photoIsALargerJpegWithAWhiteBorderAndADarkProduct() throws IOException {
        PhotoQuerySimulator simulator = new PhotoQuerySimulator(1, 0.75f);
        for (int index = 0; index < 10; index++) {
            BufferedImage photo = decode(simulator.photo(index, product()));
            assertNotNull(photo);
            int w = photo.getWidth();
            int h = photo.getHeight();
            assertTrue(w > 28 && h > 28, w + "x" + h);
            long sum = 0;
            int count = 0;
            for (int x = 0; x < w; x++) {
                sum += luma(photo.getRGB(x, 0)) + luma(photo.getRGB(x, h - 1));
                count += 2;
            }
            for (int y = 0; y < h; y++) {
                sum += luma(photo.getRGB(0, y)) + luma(photo.getRGB(w - 1, y));
                count += 2;
            }
            assertTrue(sum / (double) count > 240, "border mean " + sum / (double) count + " of photo " + index);
            int darkest = 255;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    darkest = Math.min(darkest, luma(photo.getRGB(x, y)));
                }
            }
            assertTrue(darkest < 150, "the product is dark on white: darkest " + darkest);
        }
    }

    @Test
    void sameSeedAndIndexGiveIdenticalBytes() {
        byte[] a = new PhotoQuerySimulator(42, 0.8f).photo(17, product());
        byte[] b = new PhotoQuerySimulator(42, 0.8f).photo(17, product());
        assertArrayEquals(a, b);
    }

    @Test
    void otherIndexOrSeedGivesAnotherPhoto() {
        byte[] base = new PhotoQuerySimulator(42, 0.8f).photo(17, product());
        assertFalse(java.util.Arrays.equals(base, new PhotoQuerySimulator(42, 0.8f).photo(18, product())));
        assertFalse(java.util.Arrays.equals(base, new PhotoQuerySimulator(43, 0.8f).photo(17, product())));
    }

    @Test
    void refusesJpegQualityOutsideZeroToOne() {
        assertThrows(IllegalArgumentException.class, () -> new PhotoQuerySimulator(1, 0f));
        assertThrows(IllegalArgumentException.class, () -> new PhotoQuerySimulator(1, 1.5f));
    }
}
