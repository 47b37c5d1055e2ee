package dev.lookalike.tools.command.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.lookalike.analyzer.model.ModelBundle;
import dev.lookalike.search.index.IndexSettings;
import dev.lookalike.tools.bench.LatencyRecorder;
import dev.lookalike.tools.bench.corpus.BenchCorpusOptions;
import dev.lookalike.tools.bench.corpus.ExactNeighbours;
import dev.lookalike.tools.bench.corpus.SourceEmbeddings;
import dev.lookalike.tools.bench.corpus.SyntheticCorpus;
import dev.lookalike.tools.bench.opensearch.ClusterSearchKind;
import dev.lookalike.tools.bench.opensearch.OpenSearchBenchIndices;
import dev.lookalike.tools.bench.opensearch.OpenSearchBenchResult;
import dev.lookalike.tools.cli.DatasetOptions;
import dev.lookalike.tools.cli.ModelOptions;
import dev.lookalike.tools.cli.Progress;
import dev.lookalike.tools.client.OpenSearchHttp;
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

    @Mixin
    BenchCorpusOptions bench;

    @Option(names = "--m", defaultValue = "" + IndexSettings.DEFAULT_M, paramLabel = "M",
            description = "HNSW max connections per node, both indices. Default: ${DEFAULT-VALUE}.")
    int m;

    @Option(names = "--ef-construction", defaultValue = "" + IndexSettings.DEFAULT_BEAM_WIDTH, paramLabel = "N",
            description = "HNSW beam width while building, both indices. Default: ${DEFAULT-VALUE}.")
    int efConstruction;

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
        BenchCorpusOptions.BenchCorpus run = bench.build(model, bundle, data, err);
        SourceEmbeddings sources = run.sources();
        SyntheticCorpus corpus = run.corpus();

        OpenSearchBenchIndices indices = new OpenSearchBenchIndices(http);
        indices.create(sources.dimension(), m, efConstruction, replace);
        long start = System.nanoTime();
        try (Progress progress = new Progress("bulk loading", 2L * bench.vectors(), "doc")) {
            indices.load(corpus.vectors(), progress);
        }
        double load = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        err.println("refreshing and force-merging both indices to one segment");
        err.flush();
        indices.refreshAndMerge();
        double merge = (System.nanoTime() - start) / 1e9;

        List<OpenSearchBenchResult.Kind> kinds = measure(http, corpus, run.untimed(), run.timed());
        if (!keepIndices) {
            indices.delete();
        }
        OpenSearchBenchResult result = new OpenSearchBenchResult(new OpenSearchBenchResult.Settings(url.toString(),
                info.path("version").path("number").asText(), plugins, bench.vectors(), sources.dimension(),
                sources.description(), bundle.spec().name(), bench.noise(), m, efConstruction, bench.k(), bench.candidates(),
                bench.queries(), bench.warmup(), Math.min(RECALL_QUERIES, bench.queries()), bench.seed()), load, merge, kinds);
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
        bench.validate();
        if (m < IndexSettings.MIN_M || m > IndexSettings.MAX_M) {
            throw new IllegalArgumentException("--m must be between " + IndexSettings.MIN_M + " and "
                    + IndexSettings.MAX_M + ", got " + m);
        }
        if (efConstruction < 1 || efConstruction > IndexSettings.MAX_BEAM_WIDTH) {
            throw new IllegalArgumentException("--ef-construction must be between 1 and " + IndexSettings.MAX_BEAM_WIDTH
                    + ", got " + efConstruction);
        }
        OpenSearchHttp.requireNodeAddress(url);
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
            truth[q] = exact.nearest(timed[q], null, bench.k());
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
        return http.expectOk("POST", "/" + kind.index() + "/_search", kind.body(query, bench.k(), bench.candidates()));
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
