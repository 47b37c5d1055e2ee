package dev.lookalike.analyzer.preprocess;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * An image of 1 (grey) or 3 (red, green, blue) channels with intensities in [0, 1], planar: the whole first
 * channel row-major, then the second, then the third, as the network takes its input. It is the common form
 * of every image on its way to the model: decoded photos ({@link #fromRgb(BufferedImage)}) and dataset pixels
 * ({@link #fromBytes(byte[], int, int)}) alike; the {@link Preprocessor} turns it into as many channels as
 * the model takes.
 *
 * @param width    width in pixels, at least 1
 * @param height   height in pixels, at least 1
 * @param channels 1 (grey) or 3 (RGB)
 * @param pixels   {@code channels * width * height} intensities in [0, 1], channel by channel
 */
public record PixelImage(int width, int height, int channels, float[] pixels) {

    /** ITU-R BT.601 luma weights (those of PIL's "L" mode, with which Fashion-MNIST was made). */
    private static final float RED_LUMA = 0.299f;
    private static final float GREEN_LUMA = 0.587f;
    private static final float BLUE_LUMA = 0.114f;
    private static final float BYTE_MAX = 255f;

    /** Checks the sizes agree. */
    public PixelImage {
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("an image has 1 (grey) or 3 (RGB) channels, got " + channels);
        }
        if (width < 1 || height < 1 || pixels.length != (long) width * height * channels) {
            throw new IllegalArgumentException("image " + width + "x" + height + "x" + channels + " needs "
                    + (long) width * height * channels + " pixels, got " + pixels.length);
        }
    }

    /**
     * @param width  width in pixels
     * @param height height in pixels
     * @param pixels {@code width * height} intensities, row-major
     * @return a one-channel image of them
     */
    public static PixelImage grey(int width, int height, float[] pixels) {
        return new PixelImage(width, height, 1, pixels);
    }

    /**
     * Reads an RGB image into three channels. Costs one pass over the pixels.
     *
     * @param image any {@link BufferedImage}; its alpha, if any, is ignored (flatten it first)
     * @return a new three-channel image of the same size
     */
    public static PixelImage fromRgb(BufferedImage image) {
        return fromRgb(image, 3);
    }

    /**
     * Reads an RGB image into as many channels as a model takes: three, or one by the BT.601 luma weights
     * (those of PIL's "L" mode, with which Fashion-MNIST was made). Costs one pass over the pixels and
     * {@code 4 * channels} bytes a pixel.
     *
     * @param image    any {@link BufferedImage}; its alpha, if any, is ignored (flatten it first)
     * @param channels 1 or 3
     * @return a new image of the same size
     */
    public static PixelImage fromRgb(BufferedImage image, int channels) {
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("an image has 1 (grey) or 3 (RGB) channels, not " + channels);
        }
        int w = image.getWidth();
        int h = image.getHeight();
        int[] rgb = image.getRGB(0, 0, w, h, null, 0, w);
        int plane = w * h;
        float[] out = new float[channels * plane];
        for (int i = 0; i < plane; i++) {
            int p = rgb[i];
            int r = (p >> 16) & 0xff;
            int g = (p >> 8) & 0xff;
            int b = p & 0xff;
            if (channels == 1) {
                out[i] = (RED_LUMA * r + GREEN_LUMA * g + BLUE_LUMA * b) / BYTE_MAX;
            } else {
                out[i] = r / BYTE_MAX;
                out[plane + i] = g / BYTE_MAX;
                out[2 * plane + i] = b / BYTE_MAX;
            }
        }
        return new PixelImage(w, h, channels, out);
    }

    /**
     * Wraps 8-bit grey pixels, as stored in IDX files.
     *
     * @param bytes  {@code width * height} unsigned bytes, row-major
     * @param width  width in pixels
     * @param height height in pixels
     * @return a new one-channel image
     */
    public static PixelImage fromBytes(byte[] bytes, int width, int height) {
        float[] grey = new float[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            grey[i] = (bytes[i] & 0xff) / BYTE_MAX;
        }
        return grey(width, height, grey);
    }

    /**
     * This image with {@code wanted} channels: grey is repeated into red, green and blue; colour becomes grey
     * by the BT.601 luma weights, computed on the 8-bit scale so that an image read by
     * {@link #fromRgb(BufferedImage)} gives exactly the grey that Fashion-MNIST's tools would. Costs one pass
     * over the pixels, none when the channels already agree.
     *
     * @param wanted 1 or 3
     * @return this image, or a converted copy
     */
    public PixelImage withChannels(int wanted) {
        if (wanted == channels) {
            return this;
        }
        int plane = width * height;
        if (wanted == 3) {
            float[] out = new float[3 * plane];
            for (int c = 0; c < 3; c++) {
                System.arraycopy(pixels, 0, out, c * plane, plane);
            }
            return new PixelImage(width, height, 3, out);
        }
        if (wanted != 1) {
            throw new IllegalArgumentException("an image has 1 (grey) or 3 (RGB) channels, not " + wanted);
        }
        float[] grey = new float[plane];
        for (int i = 0; i < plane; i++) {
            grey[i] = (RED_LUMA * (pixels[i] * BYTE_MAX) + GREEN_LUMA * (pixels[plane + i] * BYTE_MAX)
                    + BLUE_LUMA * (pixels[2 * plane + i] * BYTE_MAX)) / BYTE_MAX;
        }
        return grey(width, height, grey);
    }

    /** @return whether any pixel's channels differ: a three-channel image of a grey picture has no colour */
    public boolean hasColour() {
        int plane = width * height;
        for (int i = 0; channels == 3 && i < plane; i++) {
            if (pixels[i] != pixels[plane + i] || pixels[i] != pixels[2 * plane + i]) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param x column
     * @param y row
     * @return the intensity of the first channel at (x, y): the grey level of a one-channel image
     */
    public float at(int x, int y) {
        return pixels[y * width + x];
    }

    /**
     * @param channel a channel, in [0, channels)
     * @param x       column
     * @param y       row
     * @return the intensity of that channel at (x, y)
     */
    public float at(int channel, int x, int y) {
        return pixels[(channel * height + y) * width + x];
    }

    /** @return this image as an 8-bit grey or RGB {@link BufferedImage}, for writing PNG files and pages */
    public BufferedImage toBufferedImage() {
        if (channels == 1) {
            BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
            byte[] data = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
            for (int i = 0; i < pixels.length; i++) {
                data[i] = (byte) toByte(pixels[i]);
            }
            return out;
        }
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int plane = width * height;
        int[] rgb = new int[plane];
        for (int i = 0; i < plane; i++) {
            rgb[i] = toByte(pixels[i]) << 16 | toByte(pixels[plane + i]) << 8 | toByte(pixels[2 * plane + i]);
        }
        out.setRGB(0, 0, width, height, rgb, 0, width);
        return out;
    }

    private static int toByte(float intensity) {
        return Math.round(Math.max(0f, Math.min(1f, intensity)) * BYTE_MAX);
    }
}
