package dev.lookalike.analyzer.model;

/**
 * What a {@link NodeEmbedder} tells about its work as it does it, for a node's stats: how long each image took to
 * decode and each batch to go through the network. Called on the embedding threads, so an observer must be
 * thread-safe and cheap (a histogram record, not a log line).
 */
public interface EmbeddingObserver {

    /** Observes nothing. */
    EmbeddingObserver NONE = new EmbeddingObserver() {
        @Override
        public void imageDecoded(long nanos) {
        }

        @Override
        public void batchEmbedded(int images, long nanos) {
        }
    };

    /**
     * One image was decoded and made into the network's input.
     *
     * @param nanos how long that took
     */
    void imageDecoded(long nanos);

    /**
     * A batch of decoded images went through the network: a request's image, or an ingest or update batch.
     *
     * @param images how many images the batch held
     * @param nanos  how long the network took for all of them
     */
    void batchEmbedded(int images, long nanos);
}
