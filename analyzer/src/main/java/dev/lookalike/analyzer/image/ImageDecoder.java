package dev.lookalike.analyzer.image;

import dev.lookalike.analyzer.AnalyzerInputException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Iterator;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decodes untrusted image bytes (PNG, JPEG including CMYK and YCCK, GIF, BMP, WebP, TIFF) into an opaque
 * {@link BufferedImage#TYPE_INT_RGB} image, the one input the rest of the analyzer takes.
 *
 * <p>Limits come first: the encoded size is checked before anything is parsed (and before a file is even
 * opened), and the decoded size is read from the image header and checked before a single pixel is decoded, so a small file that claims to be
 * 30000x30000 is refused without allocating its 3.6 GB. Whatever the source colour model (grey 8 or 16
 * bits, palette, RGB, RGBA, CMYK), the result is 8-bit sRGB with transparency composited over white. Of a
 * multi-frame GIF or TIFF only the first frame is decoded.
 *
 * <p>Every problem with the input, from a missing file to a truncated stream, is an
 * {@link AnalyzerInputException} whose message starts with the input's name and says what was wrong.
 *
 * <p>Instances are immutable and thread-safe: each call uses its own ImageIO reader and stream.
 */
public final class ImageDecoder {

    private final ImageLimits limits;

    /**
     * Creates a decoder that enforces {@code limits}; costs nothing.
     *
     * @param limits the largest input and image to accept
     * @throws NullPointerException if {@code limits} is null
     */
    public ImageDecoder(ImageLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** @return the limits this decoder enforces */
    public ImageLimits limits() {
        return limits;
    }

    /**
     * Decodes an image held in memory. Costs a copy of the bytes in the stream cache, what the format's
     * reader allocates (at most a few bytes per pixel of the header's size, which the limits bound) and
     * {@code 4 * width * height} bytes for the result.
     *
     * @param bytes the encoded image
     * @param name  how the user knows this input ({@code "image #3"}, {@code "request body"}); every error
     *              message starts with it
     * @return the first frame as {@code TYPE_INT_RGB}, transparency flattened over white
     * @throws AnalyzerInputException if there are no bytes or more than {@link ImageLimits#maxBytes()}, if
     *                                they are not one of the accepted formats, if the header's width times
     *                                height is zero or over {@link ImageLimits#maxPixels()}, or if the data
     *                                are corrupt or truncated
     * @throws NullPointerException   if an argument is null
     */
    public BufferedImage decode(byte[] bytes, String name) {
        return decode(bytes, name, PixelBudget.unbounded(), Function.identity());
    }

    /**
     * Decodes an image held in memory within a node's budget for images in flight, and hands it to {@code use}
     * while its decoded size stays reserved: the budget covers the decoded pixels for as long as they live.
     * Otherwise as {@link #decode(byte[], String)}.
     *
     * @param bytes  the encoded image
     * @param name   how the user knows this input; every error message starts with it
     * @param budget the node's budget for decoded images in flight
     * @param use    what to make of the decoded image (e.g. the network's input), while it is reserved
     * @param <T>    what {@code use} makes
     * @return what {@code use} made
     * @throws AnalyzerInputException       as {@link #decode(byte[], String)}
     * @throws PixelBudgetExceededException if the image's decoded size does not fit in the budget now
     */
    public <T> T decode(byte[] bytes, String name, PixelBudget budget, Function<BufferedImage, T> use) {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(name, "name");
        if (bytes.length == 0) {
            throw new AnalyzerInputException(name, "no bytes: the input is empty");
        }
        checkEncodedSize(bytes.length, name);
        try (ImageInputStream input = new EndOfDataGuard(
                new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes)))) {
            return decode(input, name, budget, use);
        } catch (IOException e) {
            throw new AnalyzerInputException(name, "cannot be read: " + describe(e), e);
        }
    }

    /**
     * Decodes an image file. The file's size is checked before it is opened, and the reader reads from it
     * directly, so the file is never held in memory whole; the other costs are those of
     * {@link #decode(byte[], String)}.
     *
     * @param path the image file; errors name it as given
     * @return the first frame as {@code TYPE_INT_RGB}, transparency flattened over white
     * @throws AnalyzerInputException if the file does not exist, is a directory or another non-regular file,
     *                                cannot be read, is empty or larger than {@link ImageLimits#maxBytes()},
     *                                or for any reason {@link #decode(byte[], String)} gives
     * @throws NullPointerException   if {@code path} is null
     */
    public BufferedImage decode(Path path) {
        String name = Objects.requireNonNull(path, "path").toString();
        long size = regularFileSize(path, name);
        if (size == 0) {
            throw new AnalyzerInputException(name, "empty file");
        }
        checkEncodedSize(size, name);
        try (ImageInputStream input = new EndOfDataGuard(new FileImageInputStream(path.toFile()))) {
            return decode(input, name, PixelBudget.unbounded(), Function.identity());
        } catch (IOException e) {
            throw new AnalyzerInputException(name, "cannot be read: " + describe(e), e);
        }
    }

    private static long regularFileSize(Path path, String name) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new AnalyzerInputException(name, "no such file", e);
        } catch (AccessDeniedException e) {
            throw new AnalyzerInputException(name, "permission denied", e);
        } catch (IOException e) {
            throw new AnalyzerInputException(name, "cannot be read: " + describe(e), e);
        }
        if (attributes.isDirectory()) {
            throw new AnalyzerInputException(name, "is a directory, expected an image file");
        }
        if (!attributes.isRegularFile()) {
            throw new AnalyzerInputException(name, "is not a regular file, expected an image file");
        }
        if (!Files.isReadable(path)) {
            throw new AnalyzerInputException(name, "permission denied");
        }
        return attributes.size();
    }

    private void checkEncodedSize(long size, String name) {
        if (size > limits.maxBytes()) {
            throw new AnalyzerInputException(name,
                    size + " bytes exceeds the limit of " + limits.maxBytes() + " bytes");
        }
    }

    private <T> T decode(ImageInputStream input, String name, PixelBudget budget, Function<BufferedImage, T> use)
            throws IOException {
        ImageReader reader = readerFor(input, name);
        String format = ImageFormat.of(reader).orElseThrow().toString();
        try {
            // Forward-only, because only frame 0 is wanted; metadata ignored, because the pixels do not
            // need it and parsing it (PNG's compressed text chunks, say) is more work an attacker controls.
            reader.setInput(input, true, true);
            long pixels = checkHeaderSize(reader, format, name);
            try (PixelBudget.Reservation ignored = budget.reserve(pixels, name)) {
                return use.apply(RgbOnWhite.convert(readFirstFrame(reader, format, name)));
            }
        } finally {
            reader.dispose();
        }
    }

    /**
     * Reads only as far as the first frame's size, so that a decompression bomb costs a few bytes.
     *
     * @return the frame's width times height
     */
    private long checkHeaderSize(ImageReader reader, String format, String name) {
        int width;
        int height;
        try {
            width = reader.getWidth(0);
            height = reader.getHeight(0);
        } catch (IOException | RuntimeException e) {
            throw new AnalyzerInputException(name, "corrupt " + format + " header: " + describe(e), e);
        }
        if (width <= 0 || height <= 0) {
            throw new AnalyzerInputException(name, "image has zero pixels (" + width + "x" + height + ")");
        }
        long pixels = (long) width * height;
        if (pixels > limits.maxPixels()) {
            throw new AnalyzerInputException(name, width + "x" + height + " = " + pixels
                    + " pixels exceeds the limit of " + limits.maxPixels());
        }
        return pixels;
    }

    private static BufferedImage readFirstFrame(ImageReader reader, String format, String name) {
        TruncationWarnings warnings = new TruncationWarnings();
        reader.addIIOReadWarningListener(warnings);
        BufferedImage image;
        try {
            image = reader.read(0);
        } catch (IOException | RuntimeException e) {
            // Readers report bad data with IIOException and EOFException, and also with unchecked exceptions
            // (IndexOutOfBounds, IllegalArgument, NegativeArraySize) from deep inside their parsers.
            throw new AnalyzerInputException(name, "corrupt or truncated " + format + " data: " + describe(e), e);
        }
        Optional<String> truncation = warnings.truncation();
        if (truncation.isPresent()) {
            throw new AnalyzerInputException(name, "truncated " + format + " data: " + truncation.get());
        }
        return image;
    }

    /** Takes the first registered reader of an accepted format; TwelveMonkeys' readers order themselves first. */
    private static ImageReader readerFor(ImageInputStream input, String name) throws IOException {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
        while (readers.hasNext()) {
            ImageReader reader = readers.next();
            if (ImageFormat.of(reader).isPresent()) {
                return reader;
            }
            reader.dispose();
        }
        throw new AnalyzerInputException(name,
                "not a recognised image format (" + ImageFormat.listForUsers() + ")");
    }

    /** Joins the messages down a cause chain, since ImageIO often wraps the telling one (an EOFException). */
    private static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
            if (text.indexOf(message) < 0) {
                text.append(text.isEmpty() ? "" : ": ").append(message);
            }
        }
        return text.toString();
    }

    /** @return a description naming the limits, for logs */
    @Override
    public String toString() {
        return "ImageDecoder[maxBytes=" + limits.maxBytes() + ", maxPixels=" + limits.maxPixels() + "]";
    }
}
