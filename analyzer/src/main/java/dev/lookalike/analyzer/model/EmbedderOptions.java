package dev.lookalike.analyzer.model;

import dev.lookalike.analyzer.image.ImageLimits;

/**
 * How an {@link Embedder} runs.
 *
 * @param batchSize  images per forward pass
 * @param predictors DJL predictors in the pool: how many threads may run the network at once
 * @param limits     limits on image bytes and pixels, checked before decoding
 */
public record EmbedderOptions(int batchSize, int predictors, ImageLimits limits) {

    /** Checks the values are usable. */
    public EmbedderOptions {
        if (batchSize < 1 || predictors < 1) {
            throw new IllegalArgumentException("batch size and predictors must be positive");
        }
    }

    /** @return 64 images per batch, 2 predictors, the default image limits */
    public static EmbedderOptions defaults() {
        return new EmbedderOptions(64, 2, ImageLimits.DEFAULT);
    }
}
