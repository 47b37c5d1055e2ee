package dev.lookalike.analyzer.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookalike.analyzer.AnalyzerInputException;

import java.awt.Point;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

class ImageDecoderTest {

    private static final int SIZE = 32;
    private static final int RED = 0xFF0000;
    private static final int GREEN = 0x00FF00;
    private static final int BLUE = 0x0000FF;
    private static final int WHITE = 0xFFFFFF;
    /** Lossy codecs (JPEG, lossy WebP) blur colour a little; a wrong channel order or colour space is far off. */
    private static final int LOSSY_TOLERANCE = 24;

    private final ImageDecoder decoder = new ImageDecoder(ImageLimits.DEFAULT);

    @TempDir
    Path tempDir;

    // ---- formats and colours ------------------------------------------------------------------------

    @Test
    void decodesPngWithExactColours() {
        BufferedImage image = decoder.decode(encode(quadrants(BufferedImage.TYPE_INT_RGB), "png"), "png");
        assertQuadrants(image, 0);
    }

    @Test
    void decodesJpegWithNearlyTheSameColours() {
        BufferedImage image = decoder.decode(encode(quadrants(BufferedImage.TYPE_3BYTE_BGR), "jpeg"), "jpeg");
        assertQuadrants(image, LOSSY_TOLERANCE);
    }

    @Test
    void decodesGifPaletteWithExactColours() {
        BufferedImage image = decoder.decode(encode(paletteQuadrants(-1), "gif"), "gif");
        assertQuadrants(image, 0);
    }

    @Test
    void decodesBmpWithExactColours() {
        BufferedImage image = decoder.decode(encode(quadrants(BufferedImage.TYPE_3BYTE_BGR), "bmp"), "bmp");
        assertQuadrants(image, 0);
    }

    @Test
    void decodesTiffWithExactColours() {
        BufferedImage image = decoder.decode(encode(quadrants(BufferedImage.TYPE_INT_RGB), "tiff"), "tiff");
        assertQuadrants(image, 0);
    }

    @Test
    void decodesLossyWebpWithNearlyTheSameColours() {
        BufferedImage image = decoder.decode(resource("quadrants-lossy.webp"), "lossy webp");
        assertQuadrants(image, LOSSY_TOLERANCE);
    }

    @Test
    void decodesLosslessWebpAndFlattensItsTransparentQuadrantOnWhite() {
        // The fixture's bottom-right quadrant is fully transparent black: it must come out white, not black.
        BufferedImage image = decoder.decode(resource("quadrants-alpha-lossless.webp"), "lossless webp");
        assertQuadrants(image, 0);
    }

    @Test
    void decodesCmykJpegToNearlyTheSameColours() {
        // Adobe stores CMYK inverted: an uninverted, unconverted or channel-swapped image would be far off.
        BufferedImage image = decoder.decode(resource("quadrants-cmyk.jpg"), "cmyk jpeg");
        assertQuadrants(image, LOSSY_TOLERANCE);
    }

    @Test
    void decodesCmykJpegStoredAsYcckToNearlyTheSameColours() {
        BufferedImage image = decoder.decode(resource("quadrants-cmyk-ycck.jpg"), "ycck jpeg");
        assertQuadrants(image, LOSSY_TOLERANCE);
    }

    @Test
    void transparentPngPixelsAreFlattenedOnWhite() {
        BufferedImage argb = new BufferedImage(4, 1, BufferedImage.TYPE_INT_ARGB);
        argb.setRGB(0, 0, 0x00000000);
        argb.setRGB(1, 0, 0xFFFF0000);
        argb.setRGB(2, 0, 0x80FF0000);
        argb.setRGB(3, 0, 0x800000FF);

        BufferedImage image = decoder.decode(encode(argb, "png"), "rgba png");

        assertEquals(BufferedImage.TYPE_INT_RGB, image.getType());
        assertRgb(WHITE, image, 0, 0, 0);
        assertRgb(RED, image, 1, 0, 0);
        assertRgb(0xFF7F7F, image, 2, 0, 1);
        assertRgb(0x7F7FFF, image, 3, 0, 1);
    }

    @Test
    void transparentGifPaletteEntryIsFlattenedOnWhite() {
        // Palette entry 0 (red) is declared transparent, so the red quadrant must come out white.
        BufferedImage image = decoder.decode(encode(paletteQuadrants(0), "gif"), "gif");
        assertRgb(WHITE, image, 8, 8, 0);
        assertRgb(GREEN, image, 24, 8, 0);
    }

    @Test
    void eightBitGreyKeepsItsValueRatherThanBeingGammaBrightened() {
        BufferedImage grey = new BufferedImage(3, 1, BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setPixels(0, 0, 3, 1, new int[] {0, 128, 255});

        BufferedImage image = decoder.decode(encode(grey, "png"), "grey png");

        assertRgb(0x000000, image, 0, 0, 0);
        assertRgb(0x808080, image, 1, 0, 0);
        assertRgb(0xFFFFFF, image, 2, 0, 0);
    }

    @Test
    void sixteenBitGreyIsScaledToEightBitsNotTruncatedOrWrapped() {
        BufferedImage grey = new BufferedImage(4, 1, BufferedImage.TYPE_USHORT_GRAY);
        grey.getRaster().setPixels(0, 0, 4, 1, new int[] {0x0000, 0x1010, 0x8080, 0xFFFF});

        BufferedImage image = decoder.decode(encode(grey, "png"), "16-bit grey png");

        assertRgb(0x000000, image, 0, 0, 0);
        assertRgb(0x101010, image, 1, 0, 0);
        assertRgb(0x808080, image, 2, 0, 0);
        assertRgb(0xFFFFFF, image, 3, 0, 0);
    }

    @Test
    void sixteenBitGreyWithAlphaIsFlattenedOnWhite() {
        BufferedImage greyAlpha = sixteenBitImage(ColorSpace.CS_GRAY, 2, new int[][] {
                {0x8080, 0xFFFF}, {0x0000, 0x0000}, {0x0000, 0x8000}});

        BufferedImage image = decoder.decode(encode(greyAlpha, "png"), "16-bit grey+alpha png");

        assertRgb(0x808080, image, 0, 0, 0);
        assertRgb(WHITE, image, 1, 0, 0);
        assertRgb(0x808080, image, 2, 0, 1);
    }

    @Test
    void sixteenBitRgbaIsScaledAndFlattenedOnWhite() {
        BufferedImage rgba = sixteenBitImage(ColorSpace.CS_sRGB, 4, new int[][] {
                {0xFFFF, 0x0000, 0x0000, 0xFFFF}, {0x0000, 0x8080, 0xFFFF, 0xFFFF}, {0x0000, 0x0000, 0x0000, 0x0000}});

        BufferedImage image = decoder.decode(encode(rgba, "png"), "16-bit rgba png");

        assertRgb(RED, image, 0, 0, 0);
        assertRgb(0x0080FF, image, 1, 0, 0);
        assertRgb(WHITE, image, 2, 0, 0);
    }

    @Test
    void decodesNonSquareImageWithoutSwappingWidthAndHeight() {
        BufferedImage wide = new BufferedImage(40, 7, BufferedImage.TYPE_INT_RGB);
        BufferedImage image = decoder.decode(encode(wide, "png"), "wide png");
        assertEquals(40, image.getWidth());
        assertEquals(7, image.getHeight());
    }

    @Test
    void multiFrameGifGivesItsFirstFrame() {
        byte[] gif = encodeFrames("gif", List.of(solid(RED), solid(BLUE)));
        assertRgb(RED, decoder.decode(gif, "animated gif"), 5, 5, 0);
    }

    @Test
    void multiPageTiffGivesItsFirstPage() {
        byte[] tiff = encodeFrames("tiff", List.of(solid(GREEN), solid(BLUE)));
        assertRgb(GREEN, decoder.decode(tiff, "multi-page tiff"), 5, 5, 0);
    }

    @Test
    void decodesFileFromPath() throws IOException {
        Path file = tempDir.resolve("quadrants.png");
        Files.write(file, encode(quadrants(BufferedImage.TYPE_INT_RGB), "png"));
        assertQuadrants(decoder.decode(file), 0);
    }

    // ---- bad input ----------------------------------------------------------------------------------

    @Test
    void refusesEmptyBytes() {
        assertRefused(() -> decoder.decode(new byte[0], "request body"), "request body", "no bytes");
    }

    @Test
    void refusesEmptyFile() throws IOException {
        Path empty = Files.createFile(tempDir.resolve("empty.png"));
        assertRefused(() -> decoder.decode(empty), empty.toString(), "empty file");
    }

    @Test
    void refusesRandomBytesAsUnrecognisedFormat() {
        byte[] noise = new byte[4096];
        new Random(42).nextBytes(noise);
        assertRefused(() -> decoder.decode(noise, "image #3"), "image #3",
                "not a recognised image format (PNG, JPEG, GIF, BMP, WebP, TIFF)");
    }

    @Test
    void refusesTextAsUnrecognisedFormat() {
        byte[] text = "<html><body>not found</body></html>".getBytes(StandardCharsets.US_ASCII);
        assertRefused(() -> decoder.decode(text, "image #4"), "image #4", "not a recognised image format");
    }

    @Test
    void refusesFormatsOutsideTheAcceptedOnesEvenWhenImageIoCanReadThem() {
        // WBMP has no magic number, so a WBMP reader would claim arbitrary bytes; the JDK ships one.
        byte[] wbmp = encode(new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_BINARY), "wbmp");
        assertRefused(() -> decoder.decode(wbmp, "image.wbmp"), "image.wbmp", "not a recognised image format");
    }

    @Test
    void refusesPngTruncatedAnywhereBeforeItsImageDataEnds() {
        // The last cut loses two bytes of pixel data and the 4-byte zlib checksum after them. (Losing only
        // the checksum goes unnoticed by the JDK's reader, which stops once it has every row; that is fine.)
        byte[] png = encode(noise(64, 64, 1), "png");
        int idatEnd = indexOf(png, "IEND".getBytes(StandardCharsets.US_ASCII)) - 8;
        for (int cut : new int[] {20, 40, png.length / 4, png.length / 2, idatEnd - 6}) {
            byte[] truncated = Arrays.copyOf(png, cut);
            assertRefused(() -> decoder.decode(truncated, "cut.png"), "cut.png", "PNG");
        }
    }

    @Test
    void refusesJpegTruncatedInItsHeader() {
        byte[] jpeg = encode(noise(64, 64, 2), "jpeg");
        byte[] truncated = Arrays.copyOf(jpeg, 100);
        assertRefused(() -> decoder.decode(truncated, "cut.jpg"), "cut.jpg", "JPEG");
    }

    @Test
    void refusesTruncatedJpegInsteadOfReturningGreyFilledRows() {
        byte[] jpeg = encode(noise(64, 64, 2), "jpeg");
        for (int cut : new int[] {jpeg.length / 2, jpeg.length - 50}) {
            byte[] truncated = Arrays.copyOf(jpeg, cut);
            assertRefused(() -> decoder.decode(truncated, "cut.jpg"), "cut.jpg",
                    "truncated JPEG data: Corrupt JPEG data: premature end of data segment");
        }
    }

    @Test
    void acceptsJpegThatLacksOnlyItsEndMarker() {
        // Every pixel is there; the readers warn "Missing EOI marker", which must not be taken for truncation.
        byte[] jpeg = encode(quadrants(BufferedImage.TYPE_3BYTE_BGR), "jpeg");
        assertEquals(0xD9, jpeg[jpeg.length - 1] & 0xFF);
        byte[] withoutEndMarker = Arrays.copyOf(jpeg, jpeg.length - 2);
        assertQuadrants(decoder.decode(withoutEndMarker, "no-eoi.jpg"), LOSSY_TOLERANCE);
    }

    @Test
    @Timeout(5)
    void refusesLosslessWebpThatEndsInsideItsHuffmanCodesWithoutDecodingPastTheEnd() {
        // Found by fuzzing: TwelveMonkeys' VP8L bit reader takes the end of the data for zero bits and went on
        // decoding Huffman tables from nothing for minutes.
        byte[] webp = Base64.getDecoder().decode(
                "UklGRjgAAABXRUJQVlA4TCwAAAAvH8AHEB8gEEjaH3qN+RcQFPk/2vwH8EClgDDbaJKTnOQR3D+i/7FtVb+qAL8=");
        assertRefused(() -> decoder.decode(webp, "cut.webp"), "cut.webp",
                "corrupt or truncated WebP data: the reader went on past the end of the data");
    }

    @Test
    void refusesPngWithCorruptCompressedData() {
        byte[] png = encode(noise(64, 64, 3), "png");
        int idatData = indexOf(png, "IDAT".getBytes(StandardCharsets.US_ASCII)) + 4;
        for (int i = idatData + 100; i < idatData + 140; i++) {
            png[i] ^= (byte) 0x5A;
        }
        assertRefused(() -> decoder.decode(png, "flipped.png"), "flipped.png", "corrupt or truncated PNG data");
    }

    @Test
    void refusesPngWhoseHeaderSaysZeroWidth() {
        byte[] png = pngHeaderOnly(0, 16);
        // The JDK's PNG reader rejects a zero width itself, while parsing the header.
        AnalyzerInputException error =
                assertRefused(() -> decoder.decode(png, "zero.png"), "zero.png", "corrupt PNG header: ");
        assertTrue(error.getMessage().contains("width <= 0"), error.getMessage());
    }

    @Test
    void refusesGifWhoseHeaderSaysZeroPixels() {
        byte[] gif = gifHeaderOnly(0, 0);
        assertRefused(() -> decoder.decode(gif, "zero.gif"), "zero.gif", "image has zero pixels");
    }

    @Test
    void refusesImageOverPixelLimitFromItsHeaderWithoutDecoding() {
        // 57 bytes claiming 20000x20000 and holding no pixel data at all: had the decoder gone past the
        // header, it would have failed on the missing data (or allocated 1.2 GB) rather than on the limit.
        byte[] png = pngHeaderOnly(20_000, 20_000);
        assertTrue(png.length < 100);
        assertRefused(() -> decoder.decode(png, "bomb.png"), "bomb.png",
                "20000x20000 = 400000000 pixels exceeds the limit of 100000000");
    }

    @Test
    void refusesValidImageOverAConfiguredPixelLimit() {
        ImageDecoder small = new ImageDecoder(new ImageLimits(1_000_000, 1000));
        byte[] png = encode(new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB), "png");
        assertRefused(() -> small.decode(png, "photo"), "photo", "40x30 = 1200 pixels exceeds the limit of 1000");
        assertEquals(40, small.decode(encode(new BufferedImage(40, 25, BufferedImage.TYPE_INT_RGB), "png"), "ok")
                .getWidth());
    }

    @Test
    void refusesBytesOverTheByteLimit() {
        ImageDecoder small = new ImageDecoder(new ImageLimits(100, 1_000_000));
        byte[] png = encode(noise(32, 32, 4), "png");
        assertRefused(() -> small.decode(png, "upload"), "upload",
                png.length + " bytes exceeds the limit of 100 bytes");
    }

    @Test
    void refusesFileOverTheByteLimitBeforeReadingIt() throws IOException {
        // The file is not an image: reading it would have said so, so the size error proves it was not read.
        Path big = tempDir.resolve("big.png");
        Files.write(big, new byte[1000]);
        ImageDecoder small = new ImageDecoder(new ImageLimits(999, 1_000_000));
        assertRefused(() -> small.decode(big), big.toString(), "1000 bytes exceeds the limit of 999 bytes");
    }

    @Test
    void refusesPathThatDoesNotExist() {
        Path missing = tempDir.resolve("missing.jpg");
        assertRefused(() -> decoder.decode(missing), missing.toString(), "no such file");
    }

    @Test
    void refusesDirectory() {
        assertRefused(() -> decoder.decode(tempDir), tempDir.toString(), "is a directory");
    }

    @Test
    void limitsMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new ImageLimits(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new ImageLimits(1, 0));
        assertThrows(IllegalArgumentException.class, () -> new ImageLimits(-1, 1));
        assertEquals(50L * 1024 * 1024, ImageLimits.DEFAULT.maxBytes());
        assertEquals(100_000_000L, ImageLimits.DEFAULT.maxPixels());
    }

    @Test
    void rgbConversionReturnsRgbImagesAsTheyAre() {
        BufferedImage rgb = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
        assertSame(rgb, RgbOnWhite.convert(rgb));
    }

    // ---- fixtures -----------------------------------------------------------------------------------

    /** Red top-left, green top-right, blue bottom-left, white bottom-right; the fixtures files share it. */
    private static BufferedImage quadrants(int type) {
        BufferedImage image = new BufferedImage(SIZE, SIZE, type);
        int half = SIZE / 2;
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                int rgb = y < half ? (x < half ? RED : GREEN) : (x < half ? BLUE : WHITE);
                image.setRGB(x, y, rgb);
            }
        }
        return image;
    }

    /** {@link #quadrants} as a 4-entry palette image, with entry {@code transparentIndex} transparent (-1: none). */
    private static BufferedImage paletteQuadrants(int transparentIndex) {
        int[] palette = {RED, GREEN, BLUE, WHITE};
        IndexColorModel model = new IndexColorModel(8, palette.length, palette, 0, false, transparentIndex,
                DataBuffer.TYPE_BYTE);
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_BYTE_INDEXED, model);
        int half = SIZE / 2;
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                image.getRaster().setSample(x, y, 0, (y < half ? 0 : 2) + (x < half ? 0 : 1));
            }
        }
        return image;
    }

    private static BufferedImage solid(int rgb) {
        BufferedImage image = new BufferedImage(10, 10, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < 10; y++) {
            for (int x = 0; x < 10; x++) {
                image.setRGB(x, y, rgb);
            }
        }
        return image;
    }

    /** Random pixels, so that compressed data are long enough to cut or damage in the middle. */
    private static BufferedImage noise(int width, int height, long seed) {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        return image;
    }

    /** A one-row image of 16-bit samples, {@code bands} per pixel with alpha last, not premultiplied. */
    private static BufferedImage sixteenBitImage(int colorSpace, int bands, int[][] pixels) {
        ComponentColorModel model = new ComponentColorModel(ColorSpace.getInstance(colorSpace), true, false,
                Transparency.TRANSLUCENT, DataBuffer.TYPE_USHORT);
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_USHORT, pixels.length, 1, bands,
                new Point(0, 0));
        for (int x = 0; x < pixels.length; x++) {
            raster.setPixel(x, 0, pixels[x]);
        }
        return new BufferedImage(model, raster, false, null);
    }

    private static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            assertTrue(ImageIO.write(image, format, bytes), "no ImageIO writer for " + format);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] encodeFrames(String format, List<BufferedImage> frames) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream output = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(output);
            writer.prepareWriteSequence(null);
            for (BufferedImage frame : frames) {
                writer.writeToSequence(new IIOImage(frame, null, null), null);
            }
            writer.endWriteSequence();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** A PNG signature, an IHDR for an 8-bit RGB image of the given size with a correct CRC, and IEND. */
    private static byte[] pngHeaderOnly(int width, int height) {
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

    /** A GIF89a header and one image descriptor of the given size, with no palette and no pixel data. */
    private static byte[] gifHeaderOnly(int width, int height) {
        ByteBuffer gif = ByteBuffer.allocate(6 + 7 + 10 + 1).order(ByteOrder.LITTLE_ENDIAN);
        gif.put("GIF89a".getBytes(StandardCharsets.US_ASCII));
        gif.putShort((short) width).putShort((short) height).put((byte) 0).put((byte) 0).put((byte) 0);
        gif.put((byte) 0x2C).putShort((short) 0).putShort((short) 0)
                .putShort((short) width).putShort((short) height).put((byte) 0);
        gif.put((byte) 0x3B);
        return gif.array();
    }

    private static byte[] resource(String name) {
        try (InputStream in = ImageDecoderTest.class.getResourceAsStream(name)) {
            assertNotNull(in, "missing test resource " + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new AssertionError("not found: " + new String(needle, StandardCharsets.US_ASCII));
    }

    // ---- assertions ---------------------------------------------------------------------------------

    /** Checks type, size, and the colour at the centre of each quadrant (away from lossy codecs' edges). */
    private static void assertQuadrants(BufferedImage image, int tolerance) {
        assertEquals(BufferedImage.TYPE_INT_RGB, image.getType());
        assertEquals(SIZE, image.getWidth());
        assertEquals(SIZE, image.getHeight());
        int quarter = SIZE / 4;
        assertRgb(RED, image, quarter, quarter, tolerance);
        assertRgb(GREEN, image, 3 * quarter, quarter, tolerance);
        assertRgb(BLUE, image, quarter, 3 * quarter, tolerance);
        assertRgb(WHITE, image, 3 * quarter, 3 * quarter, tolerance);
    }

    private static void assertRgb(int expected, BufferedImage image, int x, int y, int tolerance) {
        int actual = image.getRGB(x, y) & 0xFFFFFF;
        for (int shift = 0; shift <= 16; shift += 8) {
            int difference = Math.abs((expected >> shift & 0xFF) - (actual >> shift & 0xFF));
            assertTrue(difference <= tolerance, String.format(
                    "pixel (%d,%d): expected %06X within %d per channel, got %06X", x, y, expected, tolerance, actual));
        }
    }

    private static AnalyzerInputException assertRefused(Executable decode, String name, String problem) {
        AnalyzerInputException error = assertThrows(AnalyzerInputException.class, decode);
        assertEquals(name, error.input());
        assertTrue(error.getMessage().startsWith(name + ": "), error.getMessage());
        assertTrue(error.getMessage().contains(problem),
                "expected '" + problem + "' in: " + error.getMessage());
        return error;
    }
}
