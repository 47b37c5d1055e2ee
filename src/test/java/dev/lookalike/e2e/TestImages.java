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
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

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
     * An animated GIF: a Fashion-MNIST test image as its first frame (a grey palette keeps every pixel), then
     * {@code frames - 1} frames of one pixel each. A decoder that read every frame, or counted them, would pay for
     * all of them; one that reads the first frame pays for one.
     *
     * @param test   the Fashion-MNIST test split
     * @param index  the image of the first frame
     * @param frames how many frames in all
     * @return the GIF's bytes
     */
    public static byte[] fashionGif(FashionMnist test, int index, int frames) {
        byte[] first = encode(test.image(index, null).toBufferedImage(), "gif");
        ByteArrayOutputStream gif = new ByteArrayOutputStream();
        gif.write(first, 0, first.length - 1); // all but the trailer, 0x3B
        byte[] onePixel = {
            0x2C, 0, 0, 0, 0, 1, 0, 1, 0, (byte) 0x80, // image descriptor: 1x1 at 0,0, a local 2-colour table
            0, 0, 0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, // the table: black, white
            2, 2, 0x44, 0x01, 0}; // LZW, minimum code size 2: clear, pixel 0, end
        for (int i = 1; i < frames; i++) {
            gif.writeBytes(onePixel);
        }
        gif.write(0x3B);
        return gif.toByteArray();
    }

    /**
     * A multi-page TIFF: a Fashion-MNIST test image as its first page, then {@code pages - 1} pages of 1x1.
     *
     * @param test  the Fashion-MNIST test split
     * @param index the image of the first page
     * @param pages how many pages in all
     * @return the TIFF's bytes
     */
    public static byte[] fashionTiff(FashionMnist test, int index, int pages) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
        ByteArrayOutputStream tiff = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(tiff)) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            writer.writeToSequence(new IIOImage(test.image(index, null).toBufferedImage(), null, null), null);
            BufferedImage onePixel = new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_GRAY);
            for (int i = 1; i < pages; i++) {
                writer.writeToSequence(new IIOImage(onePixel, null, null), null);
            }
            writer.endWriteSequence();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return tiff.toByteArray();
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
        return encode(image, "png");
    }

    private static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no " + format + " writer");
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
