package dev.lookalike.analyzer.distort;

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

    @Test
    void aColourProductKeepsItsColoursAndItsBackgroundFillsTheCanvas() throws IOException {
        int side = 40;
        float[] planes = new float[3 * side * side];
        java.util.Arrays.fill(planes, 1f); // white
        for (int y = 10; y < 30; y++) {
            for (int x = 12; x < 28; x++) {
                int i = y * side + x;
                planes[i] = 0.8f;                     // red
                planes[side * side + i] = 0.1f;       // green
                planes[2 * side * side + i] = 0.1f;   // blue
            }
        }
        PixelImage redOnWhite = new PixelImage(side, side, 3, planes);
        PhotoQuerySimulator simulator = new PhotoQuerySimulator(1, 0.9f);
        for (int index = 0; index < 10; index++) {
            BufferedImage photo = decode(simulator.photo(index, redOnWhite));
            int reddest = 0;
            int cyanish = 0;
            for (int y = 0; y < photo.getHeight(); y++) {
                for (int x = 0; x < photo.getWidth(); x++) {
                    int rgb = photo.getRGB(x, y);
                    int r = (rgb >> 16) & 0xff;
                    int g = (rgb >> 8) & 0xff;
                    int b = rgb & 0xff;
                    reddest = Math.max(reddest, r - Math.max(g, b));
                    cyanish += g - r > 60 && b - r > 60 ? 1 : 0;
                }
            }
            assertTrue(reddest > 120, "the product stays red: " + reddest + " in photo " + index);
            assertEquals(0, cyanish, "nothing is inverted in photo " + index);
            assertTrue(luma(photo.getRGB(0, 0)) > 240 && luma(photo.getRGB(photo.getWidth() - 1, photo.getHeight() - 1)) > 240,
                    "the canvas is the product's white background in photo " + index);
        }
    }
}
