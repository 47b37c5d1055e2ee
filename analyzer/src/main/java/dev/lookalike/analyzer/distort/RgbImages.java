package dev.lookalike.analyzer.distort;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.function.IntToDoubleFunction;
import java.util.stream.IntStream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** What the distortions share about RGB images: copies, the background colour, clamping, encoding. */
final class RgbImages {

    private RgbImages() {
    }

    /** @return a blank RGB image of that size filled with {@code fill} */
    static BufferedImage filled(int width, int height, Color fill) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[width];
        Arrays.fill(row, fill.getRGB() & 0xffffff);
        for (int y = 0; y < height; y++) {
            out.setRGB(0, y, width, 1, row, 0, width);
        }
        return out;
    }

    /** @return the image's pixels as 0xRRGGBB, row-major */
    static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    /** @return a new RGB image of that size holding {@code rgb}, row-major */
    static BufferedImage of(int width, int height, int[] rgb) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        out.setRGB(0, 0, width, height, rgb, 0, width);
        return out;
    }

    /**
     * The background colour: the per-channel median of the border pixels, which is the background's
     * colour whenever the product covers less than half of the border.
     */
    static Color borderColour(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] px = pixels(image);
        int[][] channels = new int[3][];
        for (int c = 0; c < 3; c++) {
            int shift = 16 - 8 * c;
            channels[c] = IntStream.range(0, px.length)
                    .filter(i -> i % w == 0 || i % w == w - 1 || i / w == 0 || i / w == h - 1)
                    .map(i -> (px[i] >> shift) & 0xff).sorted().toArray();
        }
        return new Color(median(channels[0]), median(channels[1]), median(channels[2]));
    }

    private static int median(int[] sorted) {
        return sorted[sorted.length / 2];
    }

    /** @return the largest difference of one channel between two 0xRRGGBB colours, 0..255 */
    static int channelDistance(int a, int b) {
        int d = 0;
        for (int shift = 0; shift <= 16; shift += 8) {
            d = Math.max(d, Math.abs(((a >> shift) & 0xff) - ((b >> shift) & 0xff)));
        }
        return d;
    }

    /** @return {@code v} rounded and clamped to 0..255 */
    static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }

    /** @return the colour with its channels each mapped by {@code f} (a channel value 0..255 in, any value out) */
    static int mapChannels(int rgb, IntToDoubleFunction f) {
        int r = clamp(f.applyAsDouble((rgb >> 16) & 0xff));
        int g = clamp(f.applyAsDouble((rgb >> 8) & 0xff));
        int b = clamp(f.applyAsDouble(rgb & 0xff));
        return (r << 16) | (g << 8) | b;
    }

    /**
     * @param image   the image
     * @param format  an ImageIO writer's format name, e.g. {@code png} or {@code jpeg}
     * @param quality the writer's compression quality in [0, 1] (for PNG, 1 is the fastest deflate)
     * @return the encoded bytes
     */
    static byte[] encode(BufferedImage image, String format, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
