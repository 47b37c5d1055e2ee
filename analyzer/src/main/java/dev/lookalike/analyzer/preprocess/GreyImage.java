package dev.lookalike.analyzer.preprocess;

import java.awt.image.BufferedImage;

/**
 * A single-channel image with intensities in [0, 1], row-major. It is the common form of every image on
 * its way to the model: decoded photos ({@link #fromRgb(BufferedImage)}) and dataset pixels
 * ({@link #fromBytes(byte[], int, int)}) alike.
 *
 * @param width  width in pixels, at least 1
 * @param height height in pixels, at least 1
 * @param pixels {@code width * height} intensities in [0, 1]
 */
public record GreyImage(int width, int height, float[] pixels) {

    /** Checks the sizes agree. */
    public GreyImage {
        if (width < 1 || height < 1 || pixels.length != width * height) {
            throw new IllegalArgumentException(
                    "grey image " + width + "x" + height + " needs " + width * height + " pixels, got " + pixels.length);
        }
    }

    /**
     * Converts an RGB image to grey with the ITU-R BT.601 luma weights (those of PIL's "L" mode, with which
     * Fashion-MNIST was made). Costs one pass over the pixels.
     *
     * @param image any {@link BufferedImage}; its alpha, if any, is ignored (flatten it first)
     * @return a new grey image of the same size
     */
    public static GreyImage fromRgb(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] rgb = image.getRGB(0, 0, w, h, null, 0, w);
        float[] grey = new float[w * h];
        for (int i = 0; i < rgb.length; i++) {
            int p = rgb[i];
            int r = (p >> 16) & 0xff;
            int g = (p >> 8) & 0xff;
            int b = p & 0xff;
            grey[i] = (0.299f * r + 0.587f * g + 0.114f * b) / 255f;
        }
        return new GreyImage(w, h, grey);
    }

    /**
     * Wraps 8-bit grey pixels, as stored in IDX files.
     *
     * @param bytes  {@code width * height} unsigned bytes, row-major
     * @param width  width in pixels
     * @param height height in pixels
     * @return a new grey image
     */
    public static GreyImage fromBytes(byte[] bytes, int width, int height) {
        float[] grey = new float[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            grey[i] = (bytes[i] & 0xff) / 255f;
        }
        return new GreyImage(width, height, grey);
    }

    /**
     * @param x column
     * @param y row
     * @return the intensity at (x, y)
     */
    public float at(int x, int y) {
        return pixels[y * width + x];
    }

    /** @return this image as an 8-bit grey {@link BufferedImage}, for writing PNG files and pages */
    public BufferedImage toBufferedImage() {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] data = ((java.awt.image.DataBufferByte) out.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < pixels.length; i++) {
            data[i] = (byte) Math.round(Math.max(0f, Math.min(1f, pixels[i])) * 255f);
        }
        return out;
    }
}
