package dev.lookalike.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.lookalike.analyzer.dataset.LabelledDataset;
import dev.lookalike.analyzer.dataset.SampledDataset;
import dev.lookalike.analyzer.model.Embedder;
import dev.lookalike.analyzer.model.ModelBundle;
import dev.lookalike.search.index.IndexSettings;
import dev.lookalike.search.query.SimilarityQuery;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lookalike bench opensearch}: on a running OpenSearch node that has both the Lookalike plug-in and the
 * OpenSearch k-NN plug-in, query latency and recall@k of Lookalike's {@code image_knn} (plain and re-ranked) next
 * to the k-NN plug-in's {@code knn} query (Lucene engine) on the same vectors and the same HNSW parameters, in
 * the same run. Exit codes: 0 when it ran, 1 when the node failed a request, 2 for bad options.
 */
@Command(name = "opensearch", mixinStandardHelpOptions = true,
        description = {"Query latency (p50, p99, as the client sees it), QPS of one client thread, the node's",
            "own 'took' and recall@k of Lookalike's image_knn query (plain and with proxy re-ranking)",
            "next to the OpenSearch k-NN plug-in's knn query (Lucene engine), on one running node that",
            "has both plug-ins, on the same vectors with the same HNSW m and ef_construction, in the",
            "same run. The corpus is made as 'bench search' makes it: the dataset's images embedded",
            "once, then --vectors noisy copies. Both indices (one shard, no replica) are bulk-loaded,",
            "refreshed and force-merged to one segment. Every kind warms up first; then the kinds take",
            "turns over blocks of 50 timed queries. Recall is against exact cosine search over the",
            "corpus (re-ranking moves some of the nearest items out of the top k on purpose).",
            "The indices are deleted at the end unless --keep-indices.",
            "Examples:",
            "  lookalike bench opensearch --url http://localhost:9200",
            "  lookalike bench opensearch --url http://localhost:9200 --vectors 100000 --json os-bench.json"})
final class OpenSearchBenchCommand implements Callable<Integer> {

    /** How many of the first timed queries recall is measured on. */
    static final int RECALL_QUERIES = 200;
    private static final int BLOCK = 50;

    @Spec
    CommandSpec spec;

    @Mixin
    ModelOptions model;

    @Mixin
    DatasetOptions data;

    @Option(names = "--url", required = true, paramLabel = "URL",
            description = "The OpenSearch node, e.g. http://localhost:9200.")
    URI url;

    @Option(names = "--vectors", defaultValue = "20000", paramLabel = "N",
            description = "Documents in each index. Default: ${DEFAULT-VALUE}.")
    int vectors;

    @Option(names = "--source-images", defaultValue = "5000", paramLabel = "N",
            description = "How many of the dataset's images to embed as the corpus's sources. Default: ${DEFAULT-VALUE}.")
    int sourceImages;

    @Option(names = "--noise", defaultValue = "0.3", paramLabel = "LENGTH",
            description = "Expected length of the noise added to a source vector. Default: ${DEFAULT-VALUE}.")
    double noise;

    @Option(names = "--queries", defaultValue = "500", paramLabel = "N",
            description = "Timed queries per kind. Default: ${DEFAULT-VALUE}.")
    int queries;

    @Option(names = "--warmup", defaultValue = "100", paramLabel = "N",
            description = "Untimed queries per kind before the timed ones. Default: ${DEFAULT-VALUE}.")
    int warmup;

    @Option(names = "--k", defaultValue = "10", paramLabel = "K", description = "Results per query. Default: ${DEFAULT-VALUE}.")
    int k;

    @Option(names = "--candidates", defaultValue = "100", paramLabel = "N",
            description = "Nearest candidates per shard (image_knn num_candidates; knn k). Default: ${DEFAULT-VALUE}.")
    int candidates;

    @Option(names = "--m", defaultValue = "" + IndexSettings.DEFAULT_M, paramLabel = "M",
            description = "HNSW max connections per node, both indices. Default: ${DEFAULT-VALUE}.")
    int m;

    @Option(names = "--ef-construction", defaultValue = "" + IndexSettings.DEFAULT_BEAM_WIDTH, paramLabel = "N",
            description = "HNSW beam width while building, both indices. Default: ${DEFAULT-VALUE}.")
    int efConstruction;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "N", description = "Seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--replace", description = "Delete bench indices left by an earlier run instead of refusing.")
    boolean replace;

    @Option(names = "--keep-indices", description = "Keep both indices after the run.")
    boolean keepIndices;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write every figure and setting to this JSON file.")
    Path json;

    @Override
    public Integer call() throws IOException {
        validate();
        PrintWriter err = spec.commandLine().getErr();
        OpenSearchHttp http = new OpenSearchHttp(url, Duration.ofMinutes(30));
        JsonNode info = http.expectOk("GET", "/", null);
        List<String> plugins = requirePlugins(http);
        ModelBundle bundle = model.bundle();
        SourceEmbeddings sources;
        try (Embedder embedder = model.embedder(bundle)) {
            sources = SourceEmbeddings.embed(embedder, sourceImages(), err);
        }
        SplittableRandom random = new SplittableRandom(seed);
        SyntheticCorpus corpus;
        try (Progress progress = new Progress("generating", vectors, "vec")) {
            corpus = SyntheticCorpus.generate(sources, vectors, noise, random.split(), progress);
        }
        float[][] timed = sources.noisyCopies(queries, noise, random.split());
        float[][] untimed = sources.noisyCopies(warmup, noise, random.split());

        OpenSearchBenchIndices indices = new OpenSearchBenchIndices(http);
        indices.create(sources.dimension(), m, efConstruction, replace);
        long start = System.nanoTime();
        try (Progress progress = new Progress("bulk loading", 2L * vectors, "doc")) {
            indices.load(corpus.vectors(), progress);
        }
        double load = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        err.println("refreshing and force-merging both indices to one segment");
        err.flush();
        indices.refreshAndMerge();
        double merge = (System.nanoTime() - start) / 1e9;

        List<OpenSearchBenchResult.Kind> kinds = measure(http, corpus, untimed, timed);
        if (!keepIndices) {
            indices.delete();
        }
        OpenSearchBenchResult result = new OpenSearchBenchResult(new OpenSearchBenchResult.Settings(url.toString(),
                info.path("version").path("number").asText(), plugins, vectors, sources.dimension(),
                sources.description(), bundle.spec().name(), noise, m, efConstruction, k, candidates, queries, warmup,
                Math.min(RECALL_QUERIES, queries), seed), load, merge, kinds);
        print(spec.commandLine().getOut(), result);
        if (json != null) {
            Path parent = json.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                    .enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), result);
        }
        return 0;
    }

    private void validate() {
        requireAtLeast("--vectors", vectors, 1);
        requireAtLeast("--queries", queries, 1);
        requireAtLeast("--warmup", warmup, 0);
        requireAtLeast("--source-images", sourceImages, 1);
        if (!(noise >= 0 && Double.isFinite(noise))) {
            throw new IllegalArgumentException("--noise must be a finite number of 0 or more, got " + noise);
        }
        if (k < 1 || k > Math.min(vectors, SimilarityQuery.MAX_K)) {
            throw new IllegalArgumentException("--k must be between 1 and min(--vectors, " + SimilarityQuery.MAX_K
                    + "), got " + k);
        }
        if (candidates < k || candidates > SimilarityQuery.MAX_CANDIDATES) {
            throw new IllegalArgumentException("--candidates must be between --k (" + k + ") and "
                    + SimilarityQuery.MAX_CANDIDATES + ", got " + candidates);
        }
        if (m < IndexSettings.MIN_M || m > IndexSettings.MAX_M) {
            throw new IllegalArgumentException("--m must be between " + IndexSettings.MIN_M + " and "
                    + IndexSettings.MAX_M + ", got " + m);
        }
        if (efConstruction < 1 || efConstruction > IndexSettings.MAX_BEAM_WIDTH) {
            throw new IllegalArgumentException("--ef-construction must be between 1 and " + IndexSettings.MAX_BEAM_WIDTH
                    + ", got " + efConstruction);
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme();
        if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
            throw new IllegalArgumentException("--url must be an http(s) address like http://localhost:9200, got " + url);
        }
    }

    private static void requireAtLeast(String option, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(option + " must be at least " + min + ", got " + value);
        }
    }

    private static List<String> requirePlugins(OpenSearchHttp http) throws IOException {
        List<String> plugins = new ArrayList<>();
        boolean lookalike = false;
        boolean knn = false;
        for (JsonNode p : http.expectOk("GET", "/_cat/plugins?format=json", null)) {
            String name = p.path("component").asText();
            lookalike |= name.equals("lookalike");
            knn |= name.equals("opensearch-knn");
            if (!plugins.contains(name + " " + p.path("version").asText())) {
                plugins.add(name + " " + p.path("version").asText());
            }
        }
        if (!lookalike || !knn) {
            throw new IllegalArgumentException("the node at " + http + " must have both the lookalike and the "
                    + "opensearch-knn plug-ins; it has " + plugins);
        }
        return plugins;
    }

    private LabelledDataset sourceImages() {
        LabelledDataset all = data.open();
        return sourceImages < all.size() ? SampledDataset.random(all, sourceImages, seed) : all;
    }

    private List<OpenSearchBenchResult.Kind> measure(OpenSearchHttp http, SyntheticCorpus corpus, float[][] untimed,
            float[][] timed) throws IOException {
        ClusterSearchKind[] kinds = ClusterSearchKind.values();
        Map<ClusterSearchKind, LatencyRecorder> latencies = new EnumMap<>(ClusterSearchKind.class);
        Map<ClusterSearchKind, LatencyRecorder> tooks = new EnumMap<>(ClusterSearchKind.class);
        Map<ClusterSearchKind, Double> recallSums = new EnumMap<>(ClusterSearchKind.class);
        ExactNeighbours exact = new ExactNeighbours(corpus);
        int recallQueries = Math.min(RECALL_QUERIES, timed.length);
        int[][] truth = new int[recallQueries][];
        for (int q = 0; q < recallQueries; q++) {
            truth[q] = exact.nearest(timed[q], null, k);
        }
        try (Progress progress = new Progress("searching", (long) kinds.length * (untimed.length + timed.length), "q")) {
            int done = 0;
            for (ClusterSearchKind kind : kinds) {
                latencies.put(kind, new LatencyRecorder(timed.length));
                tooks.put(kind, new LatencyRecorder(timed.length));
                recallSums.put(kind, 0.0);
                for (float[] query : untimed) {
                    search(http, kind, query);
                    progress.accept(++done);
                }
            }
            for (int from = 0; from < timed.length; from += BLOCK) {
                for (ClusterSearchKind kind : kinds) {
                    for (int q = from; q < Math.min(timed.length, from + BLOCK); q++) {
                        long start = System.nanoTime();
                        JsonNode answer = search(http, kind, timed[q]);
                        latencies.get(kind).record(System.nanoTime() - start);
                        tooks.get(kind).record(answer.path("took").asLong() * 1_000_000L);
                        if (q < recallQueries) {
                            recallSums.merge(kind, ExactNeighbours.recall(ids(answer), truth[q]), Double::sum);
                        }
                        progress.accept(++done);
                    }
                }
            }
        }
        List<OpenSearchBenchResult.Kind> out = new ArrayList<>();
        for (ClusterSearchKind kind : kinds) {
            LatencyRecorder l = latencies.get(kind);
            out.add(new OpenSearchBenchResult.Kind(kind.name().toLowerCase(Locale.ROOT), kind.label(),
                    l.percentileMillis(50), l.percentileMillis(99), l.queriesPerSecond(),
                    tooks.get(kind).percentileMillis(50), recallSums.get(kind) / recallQueries));
        }
        return out;
    }

    private JsonNode search(OpenSearchHttp http, ClusterSearchKind kind, float[] query) throws IOException {
        return http.expectOk("POST", "/" + kind.index() + "/_search", kind.body(query, k, candidates));
    }

    private static int[] ids(JsonNode answer) {
        JsonNode hits = answer.path("hits").path("hits");
        int[] ids = new int[hits.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = Integer.parseInt(hits.get(i).path("_id").asText());
        }
        return ids;
    }

    private static void print(PrintWriter out, OpenSearchBenchResult r) {
        OpenSearchBenchResult.Settings s = r.settings();
        out.printf(Locale.ROOT, "OpenSearch %s at %s, %,d vectors (%d-d), HNSW m=%d ef_construction=%d, k=%d,"
                + " %d candidates, %d timed queries per kind%n", s.opensearchVersion(), s.url(), s.vectors(),
                s.dimension(), s.hnswM(), s.efConstruction(), s.k(), s.candidates(), s.queries());
        out.printf(Locale.ROOT, "bulk load of both indices %.1f s, refresh and force merge %.1f s%n", r.loadSeconds(),
                r.mergeSeconds());
        out.printf(Locale.ROOT, "%-30s %8s %8s %8s %9s %9s%n", "search", "p50 ms", "p99 ms", "QPS", "took p50",
                "recall@" + s.k());
        for (OpenSearchBenchResult.Kind kind : r.kinds()) {
            out.printf(Locale.ROOT, "%-30s %8.2f %8.2f %8.0f %9.0f %9.4f%n", kind.label(), kind.p50Ms(), kind.p99Ms(),
                    kind.qps(), kind.tookP50Ms(), kind.recallAtK());
        }
        out.flush();
    }
}
