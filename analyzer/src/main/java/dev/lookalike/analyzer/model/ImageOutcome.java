package dev.lookalike.analyzer.model;

/**
 * What became of one image of a batch: its embedding, or why it has none. The failure of one image does not
 * fail its batch.
 *
 * @param embedded the embedding, or {@code null} when the image failed
 * @param failure  why the image has no embedding, or {@code null}
 */
public record ImageOutcome(EmbeddedImage embedded, Exception failure) {

    /** Checks that exactly one of the two is set. */
    public ImageOutcome {
        if ((embedded == null) == (failure == null)) {
            throw new IllegalArgumentException("an outcome is either an embedding or a failure");
        }
    }

    /**
     * @param embedded the image's embedding
     * @return a successful outcome
     */
    public static ImageOutcome embedded(EmbeddedImage embedded) {
        return new ImageOutcome(embedded, null);
    }

    /**
     * @param failure why the image has no embedding
     * @return a failed outcome
     */
    public static ImageOutcome failed(Exception failure) {
        return new ImageOutcome(null, failure);
    }
}
