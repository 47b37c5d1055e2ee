package dev.lookalike.solr.update;

import dev.lookalike.analyzer.model.EmbeddedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The documents of an update request waiting for their forward pass, in arrival order, each with its prepared
 * image (or none, for a document that passes unchanged). {@link #drain} embeds all images with one call (one
 * forward pass per batch) and hands the documents on in the order they came, so that two versions of one
 * document keep their order. Not thread-safe: one per update request.
 *
 * @param <D> the document type
 */
final class ImageBatch<D> {

    /** A document and its prepared image, or {@code null}. */
    private record Entry<D>(D document, float[] input) {
    }

    /** Receives each document with its embedding, or {@code null} for a document without an image. */
    @FunctionalInterface
    interface Sink<D> {
        /**
         * @param document the document
         * @param embedded its image's embedding, or {@code null}
         * @throws java.io.IOException as the next processor throws it
         */
        void accept(D document, EmbeddedImage embedded) throws java.io.IOException;
    }

    private final int batchSize;
    private final List<Entry<D>> entries = new ArrayList<>();
    private int images;

    /** @param batchSize images per forward pass, positive */
    ImageBatch(int batchSize) {
        this.batchSize = batchSize;
    }

    /**
     * @param document a document
     * @param input    its prepared image, or {@code null} when it has none
     * @return whether the batch now holds {@code batchSize} images and should be drained
     */
    boolean add(D document, float[] input) {
        entries.add(new Entry<>(document, input));
        if (input != null) {
            images++;
        }
        return images >= batchSize;
    }

    /** @return whether no document waits */
    boolean isEmpty() {
        return entries.isEmpty();
    }

    /**
     * Embeds the waiting images with one call and hands every waiting document on, in order; the batch is empty
     * afterwards, even when the sink fails.
     *
     * @param embed embeds inputs, one embedding per input in order
     * @param sink  receives the documents
     * @throws java.io.IOException as the sink throws it
     */
    void drain(Function<List<float[]>, List<EmbeddedImage>> embed, Sink<D> sink) throws java.io.IOException {
        List<Entry<D>> waiting = new ArrayList<>(entries);
        entries.clear();
        images = 0;
        List<float[]> inputs = new ArrayList<>();
        for (Entry<D> e : waiting) {
            if (e.input != null) {
                inputs.add(e.input);
            }
        }
        List<EmbeddedImage> embedded = inputs.isEmpty() ? List.of() : embed.apply(inputs);
        if (embedded.size() != inputs.size()) {
            throw new IllegalStateException(inputs.size() + " images but " + embedded.size() + " embeddings");
        }
        int next = 0;
        for (Entry<D> e : waiting) {
            sink.accept(e.document, e.input == null ? null : embedded.get(next++));
        }
    }
}
