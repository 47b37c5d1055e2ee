package dev.lookalike.tools.command.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lookalike.analyzer.model.ModelBundle;
import dev.lookalike.tools.bench.TurnTakingBenchmark;
import dev.lookalike.tools.bench.corpus.BenchCorpusOptions;
import dev.lookalike.tools.bench.corpus.ExactNeighbours;
import dev.lookalike.tools.bench.corpus.SourceEmbeddings;
import dev.lookalike.tools.bench.corpus.SyntheticCorpus;
import dev.lookalike.tools.bench.opensearch.ClusterSearchKind;
import dev.lookalike.tools.bench.opensearch.OpenSearchBenchIndices;
import dev.lookalike.tools.bench.opensearch.OpenSearchBenchResult;
import dev.lookalike.tools.cli.Progress;
import dev.lookalike.tools.client.NodeHttp;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
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
        description = {"Query latency (p50, p99, as the client sees it), QPS of one client thread, the node's"
                + " own 'took' and recall@k of Lookalike's image_knn query (plain and with proxy re-ranking) next to"
                + " the OpenSearch k-NN plug-in's knn query (Lucene engine), on one running node that has both"
                + " plug-ins, on the same vectors with the same HNSW m and ef_construction, in the same run. The corpus"
                + " is made as 'bench search' makes it: the dataset's images embedded once, then --vectors noisy"
                + " copies. Both indices (one shard, no replica) are bulk-loaded, refreshed and force-merged to one"
                + " segment. Every kind warms up first; then the kinds take turns over blocks of 50 timed queries."
                + " Recall is against exact cosine search over the corpus (re-ranking moves some of the nearest items"
                + " out of the top k on purpose).",
            "The indices are deleted at the end unless --keep-indices.",
            "Examples:",
            "  lookalike bench opensearch --url http://localhost:9200",
            "  lookalike bench opensearch --url http://localhost:9200 --vectors 100000 --json os-bench.json"})
final class OpenSearchBenchCommand implements Callable<Integer> {

    /** How many of the first timed queries recall is measured on. */
    static final int RECALL_QUERIES = 200;

    @Spec
    CommandSpec spec;

    @Mixin
    EngineBenchOptions engine;

    @Option(names = "--keep-indices", description = "Keep both indices after the run.")
    boolean keepIndices;

    @Override
    public Integer call() throws IOException {
        engine.validate();
        PrintWriter err = spec.commandLine().getErr();
        NodeHttp http = new NodeHttp("OpenSearch", engine.url, Duration.ofMinutes(30));
        JsonNode info = http.expectOk("GET", "/", null);
        List<String> plugins = requirePlugins(http);
        BenchCorpusOptions options = engine.corpus;
        ModelBundle bundle = engine.model.bundle();
        BenchCorpusOptions.BenchCorpus run = options.build(engine.model, bundle, engine.data, err);
        SourceEmbeddings sources = run.sources();
        SyntheticCorpus corpus = run.corpus();

        OpenSearchBenchIndices indices = new OpenSearchBenchIndices(http);
        indices.create(sources.dimension(), engine.hnsw.m, engine.hnsw.efConstruction, engine.replace);
        long start = System.nanoTime();
        try (Progress progress = new Progress("bulk loading", 2L * options.vectors(), "doc")) {
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
        OpenSearchBenchResult result = new OpenSearchBenchResult(new OpenSearchBenchResult.Settings(
                engine.url.toString(),
                info.path("version").path("number").asText(), plugins, options.vectors(), sources.dimension(),
                sources.description(), bundle.spec().name(), options.noise(), engine.hnsw.m,
                engine.hnsw.efConstruction, options.k(), options.candidates(), options.queries(), options.warmup(),
                Math.min(RECALL_QUERIES, options.queries()),
                options.seed()), load, merge, kinds);
        print(spec.commandLine().getOut(), result);
        engine.json.write(result);
        return 0;
    }

    private static List<String> requirePlugins(NodeHttp http) throws IOException {
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

    private List<OpenSearchBenchResult.Kind> measure(NodeHttp http, SyntheticCorpus corpus, float[][] untimed,
            float[][] timed) throws IOException {
        List<ClusterSearchKind> kinds = List.of(ClusterSearchKind.values());
        ExactNeighbours exact = new ExactNeighbours(corpus);
        int recallQueries = Math.min(RECALL_QUERIES, timed.length);
        int[][] truth = new int[recallQueries][];
        for (int q = 0; q < recallQueries; q++) {
            truth[q] = exact.nearest(timed[q], null, engine.corpus.k());
        }
        Map<ClusterSearchKind, TurnTakingBenchmark.Figures> figures;
        long requests = (long) kinds.size() * (untimed.length + timed.length);
        try (Progress progress = new Progress("searching", requests, "q")) {
            figures = TurnTakingBenchmark.run(kinds, untimed, timed, recallQueries, (kind, q) -> truth[q],
                    (kind, query) -> {
                        JsonNode answer = search(http, kind, query);
                        return new TurnTakingBenchmark.Answer(ids(answer), answer.path("took").asLong() * 1_000_000L);
                    }, progress);
        }
        List<OpenSearchBenchResult.Kind> out = new ArrayList<>();
        figures.forEach((kind, f) -> out.add(new OpenSearchBenchResult.Kind(kind.name().toLowerCase(Locale.ROOT),
                kind.label(), f.p50Ms(), f.p99Ms(), f.qps(), f.engineP50Ms(), f.recall())));
        return out;
    }

    private JsonNode search(NodeHttp http, ClusterSearchKind kind, float[] query) throws IOException {
        return http.expectOk("POST", "/" + kind.index() + "/_search",
                kind.body(query, engine.corpus.k(), engine.corpus.candidates()));
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
