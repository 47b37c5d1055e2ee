package dev.lookalike.analyzer.image;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.imageio.ImageReader;
import javax.imageio.spi.ImageReaderSpi;

/**
 * The formats an {@link ImageDecoder} accepts. The ImageIO registry holds more readers than these (WBMP,
 * ICO, CUR); they are left out on purpose, because WBMP has no magic number and would claim random bytes
 * as an image, and because each extra reader is more parser code exposed to untrusted input.
 */
enum ImageFormat {
    PNG("PNG", "png"),
    JPEG("JPEG", "jpeg"),
    GIF("GIF", "gif"),
    BMP("BMP", "bmp"),
    WEBP("WebP", "webp"),
    TIFF("TIFF", "tiff");

    private final String displayName;
    private final String readerFormatName;

    ImageFormat(String displayName, String readerFormatName) {
        this.displayName = displayName;
        this.readerFormatName = readerFormatName;
    }

    /** @return the format a reader decodes, if it is one of these; compares the reader's format names */
    static Optional<ImageFormat> of(ImageReader reader) {
        ImageReaderSpi provider = reader.getOriginatingProvider();
        if (provider == null) {
            return Optional.empty();
        }
        for (String name : provider.getFormatNames()) {
            String lower = name.toLowerCase(Locale.ROOT);
            for (ImageFormat format : values()) {
                if (format.readerFormatName.equals(lower)) {
                    return Optional.of(format);
                }
            }
        }
        return Optional.empty();
    }

    /** @return the accepted formats as a user reads them: {@code "PNG, JPEG, GIF, BMP, WebP, TIFF"} */
    static String listForUsers() {
        return Arrays.stream(values()).map(ImageFormat::toString).collect(Collectors.joining(", "));
    }

    /** @return the name a user knows the format by, such as {@code "WebP"} */
    @Override
    public String toString() {
        return displayName;
    }
}
