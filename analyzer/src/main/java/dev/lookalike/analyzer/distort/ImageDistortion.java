package dev.lookalike.analyzer.distort;

import java.awt.image.BufferedImage;
import java.util.SplittableRandom;

/**
 * One way a user's photo differs from the catalogue image, applied with a strength drawn at random within a
 * realistic range. Implementations are immutable and thread-safe; the result depends only on the image and
 * on what is drawn from {@code random}, so a seeded random gives the same photo every time.
 */
@FunctionalInterface
public interface ImageDistortion {

    /**
     * @param image  an RGB image; not modified
     * @param random where the strength is drawn from; advanced by the draw
     * @return a new, distorted RGB image (its size may differ)
     */
    BufferedImage apply(BufferedImage image, SplittableRandom random);

    /**
     * @param next the distortion to apply to this one's result, with the same random source
     * @return both, this one first
     */
    default ImageDistortion andThen(ImageDistortion next) {
        return (image, random) -> next.apply(apply(image, random), random);
    }
}
