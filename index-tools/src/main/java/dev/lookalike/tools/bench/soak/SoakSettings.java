package dev.lookalike.tools.bench.soak;

import java.net.URI;
import java.util.List;

/**
 * What a soak is asked to do.
 *
 * @param urls           the nodes to spread requests over (the first also answers the stats and the check)
 * @param index          the index to create, load and delete
 * @param threads        client threads
 * @param minutes        how long the load runs
 * @param windowSeconds  the length of a window of latency and heap figures
 * @param bulkSize       new documents per ingest bulk
 * @param documents      how many documents the index holds once full
 * @param refreshSeconds time between catalogue-proxy refreshes
 * @param images         how many Fashion-MNIST test images documents and searches are made of
 * @param shards         primary shards of the index
 * @param replicas       replicas of each
 * @param seed           the random seed
 * @param maxP99Drift    how many times the first fifth's p99 the last fifth's may be
 * @param keepIndex      whether to keep the index and its pipeline afterwards
 */
public record SoakSettings(List<URI> urls, String index, int threads, double minutes, int windowSeconds,
        int bulkSize, int documents, int refreshSeconds, int images, int shards, int replicas, long seed,
        double maxP99Drift, boolean keepIndex) {

    /** @throws IllegalArgumentException naming the first option out of range */
    public void validate() {
        positive("--threads", threads);
        positive("--window-seconds", windowSeconds);
        positive("--bulk-size", bulkSize);
        positive("--refresh-seconds", refreshSeconds);
        positive("--shards", shards);
        if (!(minutes > 0)) {
            throw new IllegalArgumentException("--minutes must be above 0, got " + minutes);
        }
        if (documents < threads * bulkSize) {
            throw new IllegalArgumentException("--documents must be at least --threads times --bulk-size ("
                    + threads * bulkSize + "), got " + documents);
        }
        if (images < 10 || images > 10_000) {
            throw new IllegalArgumentException("--images must be between 10 and 10000, got " + images);
        }
        if (replicas < 0) {
            throw new IllegalArgumentException("--replicas must be 0 or more, got " + replicas);
        }
        if (!(maxP99Drift >= 1)) {
            throw new IllegalArgumentException("--max-p99-drift must be 1 or more, got " + maxP99Drift);
        }
        if (!index.matches("[a-z0-9][a-z0-9_.-]*")) {
            throw new IllegalArgumentException("--index must be a lower-case OpenSearch index name, got " + index);
        }
    }

    private static void positive(String option, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(option + " must be positive, got " + value);
        }
    }
}
