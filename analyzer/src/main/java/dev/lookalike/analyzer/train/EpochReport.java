package dev.lookalike.analyzer.train;

/**
 * The figures of one epoch.
 *
 * @param epoch          the epoch, from 1
 * @param meanLoss       mean training loss over the epoch's batches
 * @param imagesPerSecond training throughput
 * @param proxyAccuracy  on the held-out images of trained classes: how often the nearest proxy is the
 *                       image's class (NaN when none was given)
 * @param recallAt1      on the held-out images, leave-one-out: how often the nearest other image shares
 *                       the class (NaN when none was given)
 */
public record EpochReport(int epoch, double meanLoss, double imagesPerSecond, double proxyAccuracy,
        double recallAt1) {
}
