package dev.lookalike.analyzer.stats;

import dev.lookalike.analyzer.model.EmbeddingObserver;

/**
 * How long this node's embedding takes, as the node's embedder reports it: the time to decode each image (and
 * resize it to the network's input), the time of each batch through the network, and the batches' sizes.
 * Thread-safe; recording costs a histogram increment.
 */
public final class EmbeddingTimes implements EmbeddingObserver {

    private static final double MICROS_PER_MILLI = 1000;

    private final ValueHistogram decodeMicros = new ValueHistogram(MICROS_PER_MILLI);
    private final ValueHistogram inferenceMicros = new ValueHistogram(MICROS_PER_MILLI);
    private final ValueHistogram batchSizes = new ValueHistogram(1);

    /** Creates empty histograms. */
    public EmbeddingTimes() {
    }

    @Override
    public void imageDecoded(long nanos) {
        decodeMicros.record(nanos / 1000);
    }

    @Override
    public void batchEmbedded(int images, long nanos) {
        inferenceMicros.record(nanos / 1000);
        batchSizes.record(images);
    }

    /** @return the time to decode one image, in milliseconds */
    public Percentiles decodeMillis() {
        return decodeMicros.read();
    }

    /** @return the time of one batch through the network, in milliseconds */
    public Percentiles inferenceMillis() {
        return inferenceMicros.read();
    }

    /** @return the images per batch */
    public Percentiles batchSizes() {
        return batchSizes.read();
    }
}
