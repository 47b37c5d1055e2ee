package dev.lookalike.tools.bench.soak;

import java.util.List;

/**
 * Every figure of a soak, as {@code --json} writes it: the settings, what each operation did, the windows, the
 * heap trend of each node, the latency drift, the check of the index against the ledger, and the goals.
 *
 * @param settings        how it ran
 * @param operations      per operation: requests, documents, rate, latency, failures, 429s retried
 * @param windows         per time window: latency of searches and writes, every node's heap
 * @param heap            per node: heap after GC over the last 80 % of the run and its trend
 * @param latencyDrift    p99 of searches and of writes, first fifth of the run against the last
 * @param verification    the index against every acknowledged write and delete
 * @param failures        requests that failed (any answer but success or a retried 429, or none)
 * @param retried429      429 answers retried, requests and bulk items together
 * @param failureMessages the first failures' messages
 * @param goals           each goal and whether it was met
 */
public record SoakResult(Settings settings, List<OperationFigures> operations, List<Window> windows,
        List<HeapTrend> heap, List<LatencyDrift> latencyDrift, Verification verification, long failures,
        long retried429, List<String> failureMessages, List<Goal> goals) {

    /** @return whether every goal was met */
    public boolean passed() {
        return goals.stream().allMatch(Goal::met);
    }

    /**
     * How a soak ran.
     *
     * @param urls           the nodes requests were spread over
     * @param nodes          how many nodes the cluster has
     * @param model          the node's model
     * @param index          the soak's index
     * @param threads        client threads
     * @param minutes        the planned duration
     * @param seconds        how long operations ran, the last requests' answers included
     * @param windowSeconds  the length of a window
     * @param bulkSize       new documents per ingest bulk
     * @param documents      the documents the index holds once full (then bulks delete as many as they add)
     * @param refreshSeconds time between proxy refreshes
     * @param images         Fashion-MNIST test images documents and searches are made of
     * @param shards         the index's primary shards
     * @param replicas       its replicas
     * @param seed           the random seed
     * @param cores          this machine's processors
     * @param maxP99Drift    how many times the first fifth's p99 the last fifth's may be
     */
    public record Settings(List<String> urls, int nodes, String model, String index, int threads, double minutes,
            double seconds, int windowSeconds, int bulkSize, int documents, int refreshSeconds, int images,
            int shards, int replicas, long seed, int cores, double maxP99Drift) {
    }

    /**
     * What one operation did.
     *
     * @param operation  its name
     * @param requests   requests answered (retries apart)
     * @param documents  documents written or deleted, as acknowledged
     * @param perSecond  requests answered per second of the run
     * @param p50Ms      median latency of an answered request, or {@code null} if none
     * @param p99Ms      99th percentile, or {@code null} if none
     * @param maxMs      the slowest, or {@code null} if none
     * @param failures   failed requests and bulk items
     * @param retried429 429 answers retried
     */
    public record OperationFigures(String operation, long requests, long documents, double perSecond, Double p50Ms,
            Double p99Ms, Double maxMs, long failures, long retried429) {
    }

    /**
     * One time window.
     *
     * @param seconds     its end, from the start of the load
     * @param searches    searches answered in it
     * @param writes      write requests answered in it
     * @param searchP50Ms median search latency, or {@code null} if none
     * @param searchP99Ms 99th percentile
     * @param writeP50Ms  median write latency (ingest bulks, updates, deletes), or {@code null} if none
     * @param writeP99Ms  99th percentile
     * @param heap        every node's heap at its end
     */
    public record Window(double seconds, long searches, long writes, Double searchP50Ms, Double searchP99Ms,
            Double writeP50Ms, Double writeP99Ms, List<HeapReading> heap) {
    }

    /**
     * One node's heap after GC over the run.
     *
     * @param node               the node
     * @param startMb            old generation after GC at the first window
     * @param endMb              at the last window
     * @param fromSeconds        where the fit starts: the last 80 % of the run
     * @param collections        old-generation collections seen in the fitted span (the fit's points)
     * @param slopeMbPerMinute   the least-squares slope, or {@code null} if too few points
     * @param slopeStandardError its standard error, corrected for the points' autocorrelation
     * @param independentSlopeStandardError its standard error if the points were independent
     * @param effectivePoints    how many independent points the collections are worth
     * @param medianSlopeMbPerMinute the median of the slopes between every two points, a cross-check one bump
     *                           cannot pull
     * @param residualSdMb       the points' standard deviation around the line
     * @param riseMb             slope times the fitted span
     * @param flat               whether the trend is flat: the rise within two residual standard deviations, or
     *                           the slope within two (corrected) standard errors of zero
     * @param verdict            the judgement in words
     */
    public record HeapTrend(String node, double startMb, double endMb, double fromSeconds, int collections,
            Double slopeMbPerMinute, Double slopeStandardError, Double independentSlopeStandardError,
            Double effectivePoints, Double medianSlopeMbPerMinute, Double residualSdMb, Double riseMb, boolean flat,
            String verdict) {
    }

    /**
     * p99 at the start and at the end of the run.
     *
     * @param series     {@code search} or {@code write}
     * @param firstP99Ms p99 over the windows of the first fifth (the first window, warm-up, left out)
     * @param lastP99Ms  p99 over the windows of the last fifth
     * @param ratio      last over first
     * @param steady     whether the ratio is at most the allowed drift
     */
    public record LatencyDrift(String series, Double firstP99Ms, Double lastP99Ms, Double ratio, boolean steady) {
    }

    /**
     * The index against the ledger, after the load.
     *
     * @param documentsWritten every document ever acknowledged
     * @param expectedPresent  those whose last acknowledged write was not a delete
     * @param expectedDeleted  those whose last acknowledged write was a delete
     * @param uncertain        those whose last write got no clear answer, not checked
     * @param lost             expected present, not found
     * @param stale            found with other content than last acknowledged, or without a vector
     * @param resurrected      expected deleted, found
     * @param count            the index's {@code _count} after a refresh
     * @param problems         the first problems, naming the document
     * @param passed           whether nothing is lost, stale or resurrected and the count is what it must be
     */
    public record Verification(long documentsWritten, long expectedPresent, long expectedDeleted, long uncertain,
            long lost, long stale, long resurrected, long count, List<String> problems, boolean passed) {
    }

    /**
     * One goal of the soak.
     *
     * @param goal   what it asks
     * @param met    whether the run met it
     * @param detail the figures behind it
     */
    public record Goal(String goal, boolean met, String detail) {
    }
}
