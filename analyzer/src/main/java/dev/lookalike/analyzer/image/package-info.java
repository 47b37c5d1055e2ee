/**
 * Image decoding, the first step of the analyzer: untrusted bytes or files in, an opaque 8-bit sRGB
 * {@link java.awt.image.BufferedImage} out.
 *
 * <p>{@link dev.lookalike.analyzer.image.ImageDecoder} accepts PNG, JPEG (CMYK and YCCK too), GIF, BMP,
 * WebP and TIFF through ImageIO and the TwelveMonkeys plug-ins. It enforces
 * {@link dev.lookalike.analyzer.image.ImageLimits} before doing the expensive work: the encoded size before
 * reading, the pixel count from the header before decoding, so that decompression bombs cost nothing. Its
 * output is always {@code TYPE_INT_RGB} with transparency flattened over white, whatever the source colour
 * model, so that preprocessing has one case to handle. Every bad input, whether missing, empty, too large,
 * not an image, corrupt or truncated, is reported as a {@link dev.lookalike.analyzer.AnalyzerInputException}
 * that names the input.
 */
package dev.lookalike.analyzer.image;
