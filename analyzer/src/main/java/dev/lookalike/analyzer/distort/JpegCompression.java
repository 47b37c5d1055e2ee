package dev.lookalike.analyzer.distort;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;

/**
 * A photo compressed hard by a phone or a messaging app: the image encoded as JPEG at a quality drawn
 * uniformly from {@code minQuality..maxQuality} (percent) and decoded again. Costs one JPEG encoding and
 * decoding.
 *
 * @param minQuality the lowest JPEG quality, 1 to 100
 * @param maxQuality the highest JPEG quality, {@code minQuality} to 100
 */
public record JpegCompression(int minQuality, int maxQuality) implements ImageDistortion {

    /** Checks the range. */
    public JpegCompression {
        if (minQuality < 1 || maxQuality > 100 || minQuality > maxQuality) {
            throw new IllegalArgumentException(
                    "JPEG quality range must lie in 1..100, low to high, got " + minQuality + ".." + maxQuality);
        }
    }

    /** @return the compression of the query-robustness evaluation, quality 20 to 60 */
    public static JpegCompression realistic() {
        return new JpegCompression(20, 60);
    }

    /**
     * @param random the random source
     * @return a JPEG quality in percent, uniform in {@code minQuality..maxQuality}
     */
    public int drawQuality(SplittableRandom random) {
        return minQuality + random.nextInt(maxQuality - minQuality + 1);
    }

    @Override
    public BufferedImage apply(BufferedImage image, SplittableRandom random) {
        byte[] jpeg = encode(image, drawQuality(random) / 100f);
        try {
            return ImageIO.read(new ByteArrayInputStream(jpeg));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param image   an RGB image
     * @param quality JPEG quality in (0, 1]
     * @return the JPEG bytes
     */
    public static byte[] encode(BufferedImage image, float quality) {
        if (!(quality > 0 && quality <= 1)) {
            throw new IllegalArgumentException("JPEG quality must be in (0, 1], got " + quality);
        }
        return RgbImages.encode(image, "jpeg", quality);
    }
}
