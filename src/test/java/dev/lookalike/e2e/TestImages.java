package dev.lookalike.e2e;

import dev.lookalike.analyzer.dataset.FashionMnist;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** Images for the plug-in tests, as PNG bytes: Fashion-MNIST test images and synthetic ones of chosen sizes. */
public final class TestImages {

    private TestImages() {
    }

    /**
     * @param test  the Fashion-MNIST test split
     * @param index an image of it
     * @return the image as an 8-bit grey PNG, as a user would upload it
     */
    public static byte[] fashionPng(FashionMnist test, int index) {
        return png(test.image(index, null).toBufferedImage());
    }

    /**
     * @param width  width in pixels
     * @param height height in pixels
     * @param seed   the noise's seed
     * @return an RGB PNG of random noise: it hardly compresses, so its size is about 3 bytes a pixel
     */
    public static byte[] noisePng(int width, int height, long seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(seed);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(1 << 24));
            }
        }
        return png(image);
    }

    /**
     * @param width  width in pixels
     * @param height height in pixels
     * @return a PNG of a white image with a grey square: many pixels in few bytes
     */
    public static byte[] plainPng(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.DARK_GRAY);
        g.fillRect(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        return png(image);
    }

    /** @return the {@code _embed} request body for these bytes */
    public static String embedBody(byte[] image) {
        return "{\"image\": \"" + Base64.getEncoder().encodeToString(image) + "\"}";
    }

    private static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("no PNG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A decompression bomb's header: a PNG that declares {@code width} × {@code height} RGB pixels in a few dozen
     * bytes, with no pixel data. A decoder that trusted the header would allocate gigabytes before finding out.
     *
     * @param width  the width the header declares
     * @param height the height the header declares
     * @return the PNG's bytes
     */
    public static byte[] pngHeaderOnly(int width, int height) {
        ByteBuffer header = ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        png.writeBytes(pngChunk("IHDR", header.array()));
        png.writeBytes(pngChunk("IEND", new byte[0]));
        return png.toByteArray();
    }

    private static byte[] pngChunk(String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length).putInt(data.length).put(typeBytes).put(data)
                .putInt((int) crc.getValue()).array();
    }
}
