package dev.lookalike.tools.bench.search;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Every figure of one {@code lookalike bench search} run, with the settings it ran under: what the table shows
 * and {@code --json} writes (in snake_case).
 *
 * @param settings      what was measured, and on what
 * @param build         how long the index (sorted by category) took and how large it is
 * @param kinds         one entry per {@link SearchKind}, in its order, on that index
 * @param filteredRerankOverLuceneFilteredP50 the p50 of Lookalike filtered 1 % + rerank over that of bare Lucene
 *                      filtered 1 %
 * @param unsortedBuild the same for the index not sorted by category, or {@code null} when it was not built
 * @param unsortedKinds the kinds on that index, or {@code null}
 * @param candidateSweep unfiltered search at each candidate count of {@code --sweep-candidates}, bare Lucene and
 *                      Lookalike, on the sorted index: recall against latency; or {@code null}
 * @param profile       where each kind's time goes on the sorted index ({@code --profile-seconds}), or {@code null}
 */
public record SearchBenchResult(Settings settings, Build build, List<Kind> kinds,
        double filteredRerankOverLuceneFilteredP50, Build unsortedBuild, List<Kind> unsortedKinds,
        List<SweepPoint> candidateSweep, List<SearchProfiler.KindProfile> profile) {

    /**
     * One point of the recall-against-latency curve: a kind of unfiltered query at one candidate count.
     *
     * @param candidates the candidate count (Lucene's k, Lookalike's num_candidates)
     * @param kind       its figures at that count
     */
    public record SweepPoint(int candidates, Kind kind) {
    }

    /**
     * The settings of the run.
     *
     * @param vectors          the corpus size
     * @param dimension        the vector dimension
     * @param sources          where the real embeddings come from
     * @param model            the model that embedded them
     * @param noise            the expected length of each copy's noise
     * @param hnswM            HNSW's maximum connections per node
     * @param beamWidth        HNSW's beam width while building
     * @param quantization     how the vector field keeps its vectors
     * @param k                results per query
     * @param candidates       nearest candidates per query
     * @param queries          timed queries per kind
     * @param warmup           untimed queries per kind before them
     * @param recallQueries    the first queries whose recall is measured
     * @param seed             the seed of the corpus and the queries
     * @param jvm              the Java runtime
     * @param cores            the processors the JVM sees
     * @param maxHeapBytes     the JVM's maximum heap
     * @param vectorIncubator  whether jdk.incubator.vector is loaded (Lucene's SIMD vector code)
     * @param strategy         how Lookalike's kinds searched each segment ({@code auto}: chosen by cost)
     */
    public record Settings(int vectors, int dimension, String sources, String model, double noise, int hnswM, int beamWidth,
            String quantization, int k, int candidates, int queries, int warmup, int recallQueries, long seed,
            String jvm, int cores, long maxHeapBytes, boolean vectorIncubator, String strategy) {
    }

    /**
     * The index build.
     *
     * @param buildSeconds        {@code CatalogueIndex.putAll} of the corpus in batches and the commit
     * @param docsPerSecond       items over build seconds
     * @param segmentsBeforeMerge segments after the build
     * @param mergeSeconds        the force-merge to one segment and its commit
     * @param indexBytes          the size of the merged index's files
     * @param bytesPerVector      index bytes over items
     * @param indexDir            where the index was kept, or {@code null} when it was deleted
     */
    public record Build(double buildSeconds, double docsPerSecond, int segmentsBeforeMerge, double mergeSeconds,
            long indexBytes, double bytesPerVector, String indexDir) {
    }

    /**
     * The figures of one kind of query.
     *
     * @param kind           its label
     * @param filter         the share its filter keeps, e.g. {@code 1 %}, or {@code null}
     * @param filterShare    that share as a fraction, 1 when it has no filter
     * @param matches        the items its filter keeps (all items when it has none)
     * @param p50Ms          median latency
     * @param p99Ms          99th-percentile latency
     * @param qps            queries per second, one thread
     * @param recallAtK      mean recall@k against exact search over the items the filter keeps
     * @param recallQueries  the queries the recall is the mean of
     * @param filterFailures results the filter should have kept out
     * @param countFailures  queries that returned other than {@code min(k, matches)} results
     */
    public record Kind(String kind, String filter, double filterShare, int matches, double p50Ms, double p99Ms, double qps,
            double recallAtK, int recallQueries, int filterFailures, int countFailures) {
    }

    /** @return whether every query of every kind returned {@code min(k, matches)} results that pass its filter */
    @JsonProperty("all_results_valid")
    public boolean allResultsValid() {
        return java.util.stream.Stream.of(kinds, unsortedKinds == null ? List.<Kind>of() : unsortedKinds,
                        candidateSweep == null ? List.<Kind>of() : candidateSweep.stream().map(SweepPoint::kind).toList())
                .flatMap(List::stream)
                .allMatch(kind -> kind.filterFailures() == 0 && kind.countFailures() == 0);
    }
}
