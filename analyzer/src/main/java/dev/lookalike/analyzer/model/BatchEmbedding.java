package dev.lookalike.analyzer.model;

import java.util.List;

/**
 * The result of embedding a batch of images: one vector per input, in input order, {@code null} where
 * the input was skipped, and why each skipped one was.
 *
 * @param vectors unit vectors, or {@code null} for skipped inputs
 * @param skipped the skipped inputs, in input order
 */
public record BatchEmbedding(List<float[]> vectors, List<Skipped> skipped) {

    /**
     * An input that could not be embedded.
     *
     * @param index  its position in the batch
     * @param name   how the user knows it
     * @param reason the error message, which names the input and the problem
     */
    public record Skipped(int index, String name, String reason) {
    }

    /** @return how many inputs were embedded */
    public int embeddedCount() {
        return vectors.size() - skipped.size();
    }
}
