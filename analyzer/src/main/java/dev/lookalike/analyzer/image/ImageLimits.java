package dev.lookalike.analyzer.image;

/**
 * The most an {@link ImageDecoder} will accept from one input, so that a hostile or broken image cannot
 * exhaust memory: an encoded size, checked before the bytes are read, and a decoded size, checked against
 * the image header before any pixel is decoded.
 *
 * <p>A decoded image costs about {@code 4 * maxPixels} bytes as {@code TYPE_INT_RGB}, plus what the
 * format's reader needs on the way (up to 8 bytes a pixel for 16-bit RGBA), so {@code maxPixels} is the
 * number to size a heap by.
 *
 * @param maxBytes  the largest encoded input, in bytes
 * @param maxPixels the largest decoded image, as width times height
 */
public record ImageLimits(long maxBytes, long maxPixels) {

    /** 50 MiB of encoded bytes and 100 megapixels: more than any catalogue photograph needs. */
    public static final ImageLimits DEFAULT = new ImageLimits(50L * 1024 * 1024, 100_000_000L);

    /**
     * Checks the limits; costs nothing.
     *
     * @throws IllegalArgumentException if either limit is zero or negative
     */
    public ImageLimits {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive, got " + maxBytes);
        }
        if (maxPixels <= 0) {
            throw new IllegalArgumentException("maxPixels must be positive, got " + maxPixels);
        }
    }
}
