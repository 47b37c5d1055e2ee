package dev.lookalike.tools.bench.solr;

import java.util.List;

/**
 * Every figure of one {@code lookalike bench solr} run, with the settings it ran under: what the table shows and
 * {@code --json} writes (in snake_case).
 *
 * @param settings     what was measured, and on what
 * @param loadSeconds  how long loading and committing the corpus took
 * @param mergeSeconds how long merging it into one segment took
 * @param kinds        one entry per {@link SolrSearchKind}, in its order
 */
public record SolrBenchResult(Settings settings, double loadSeconds, double mergeSeconds, List<Kind> kinds) {

    /**
     * The settings of the run.
     *
     * @param url            the node the requests went to
     * @param solrVersion    the node's version
     * @param mode           {@code std} (standalone) or {@code solrcloud}
     * @param vectors        the corpus size
     * @param dimension      the vector dimension
     * @param sources        where the real embeddings come from
     * @param model          the model that embedded them
     * @param noise          the expected length of each copy's noise
     * @param hnswM          HNSW's maximum connections per node
     * @param efConstruction HNSW's build beam width
     * @param k              results per query
     * @param candidates     nearest candidates {@code {!image_knn}} explores
     * @param queries        timed queries per kind
     * @param warmup         untimed queries per kind before them
     * @param recallQueries  the first timed queries whose recall is measured
     * @param seed           the seed of the corpus and the queries
     */
    public record Settings(String url, String solrVersion, String mode, int vectors, int dimension, String sources,
            String model, double noise, int hnswM, int efConstruction, int k, int candidates, int queries, int warmup,
            int recallQueries, long seed) {
    }

    /**
     * One kind of search.
     *
     * @param kind      its {@link SolrSearchKind} name
     * @param label     how the table names it
     * @param p50Ms     median latency seen by the client (request sent to answer parsed), milliseconds
     * @param p99Ms     99th percentile of that latency
     * @param qps       queries per second of one client thread
     * @param qtimeP50Ms median of Solr's own {@code QTime}, milliseconds (whole milliseconds)
     * @param recallAtK mean share of the exact k nearest items (among those the filter keeps) found
     */
    public record Kind(String kind, String label, double p50Ms, double p99Ms, double qps, double qtimeP50Ms,
            double recallAtK) {
    }
}
