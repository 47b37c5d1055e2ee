package dev.lookalike.analyzer.distort;

import dev.lookalike.analyzer.preprocess.PixelImage;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;

/**
 * Simulated user photos of dataset items made by one distortion (or a chain): the catalogue image is enlarged
 * {@value #ENLARGEMENT}× (bicubic; a photo has more pixels than a catalogue thumbnail), distorted with a random
 * source seeded by the seed and the item's index, and encoded as PNG, so that any loss comes from the
 * distortion alone. A grey and a colour catalogue image may get distortions of their own (a grey
 * Fashion-MNIST negative may be inverted, a colour product never is). Immutable and thread-safe; deterministic
 * for a seed and an index.
 */
public final class DistortedQueries implements QuerySimulator {

    /** How many times larger than the catalogue image the photo is before it is distorted. */
    public static final int ENLARGEMENT = 4;

    private final ImageDistortion greyDistortion;
    private final ImageDistortion colourDistortion;
    private final long seed;

    /**
     * @param distortion what to apply to each enlarged catalogue image
     * @param seed       the seed; item {@code i} always gets the same photo
     */
    public DistortedQueries(ImageDistortion distortion, long seed) {
        this(distortion, distortion, seed);
    }

    /**
     * @param greyDistortion   what to apply to each enlarged 1-channel catalogue image
     * @param colourDistortion what to apply to each enlarged 3-channel one
     * @param seed             the seed; item {@code i} always gets the same photo
     */
    public DistortedQueries(ImageDistortion greyDistortion, ImageDistortion colourDistortion, long seed) {
        this.greyDistortion = greyDistortion;
        this.colourDistortion = colourDistortion;
        this.seed = seed;
    }

    @Override
    public byte[] query(int index, PixelImage product) {
        // Lossless, with the fastest deflate level: thousands of these are decoded once and dropped.
        return RgbImages.encode(distorted(index, product), "png", 1f);
    }

    /**
     * @param index   the item's index, which seeds its randomness
     * @param product the catalogue image
     * @return the distorted photo, before encoding
     */
    public BufferedImage distorted(int index, PixelImage product) {
        ImageDistortion distortion = product.channels() == 3 ? colourDistortion : greyDistortion;
        return distortion.apply(enlarged(product), new SplittableRandom(seed * 31 + index));
    }

    /**
     * The first step of every simulated photo, shared with training-time photo augmentation so that both
     * start from the same picture.
     *
     * @param product the catalogue image
     * @return it as an RGB image {@value #ENLARGEMENT}× larger each way, bicubic
     */
    public static BufferedImage enlarged(PixelImage product) {
        BufferedImage grey = product.toBufferedImage();
        int w = product.width() * ENLARGEMENT;
        int h = product.height() * ENLARGEMENT;
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.drawImage(grey, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
