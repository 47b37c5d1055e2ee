package dev.lookalike.tools.command.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lookalike.analyzer.model.ModelBundle;
import dev.lookalike.tools.bench.TurnTakingBenchmark;
import dev.lookalike.tools.bench.corpus.BenchCorpusOptions;
import dev.lookalike.tools.bench.corpus.ExactNeighbours;
import dev.lookalike.tools.bench.corpus.FilterSelectivity;
import dev.lookalike.tools.bench.corpus.SourceEmbeddings;
import dev.lookalike.tools.bench.corpus.SyntheticCorpus;
import dev.lookalike.tools.bench.solr.SolrBenchCore;
import dev.lookalike.tools.bench.solr.SolrBenchResult;
import dev.lookalike.tools.bench.solr.SolrSearchKind;
import dev.lookalike.tools.cli.Progress;
import dev.lookalike.tools.client.NodeHttp;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
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
 * {@code lookalike bench solr}: on a running Solr node with the Lookalike plug-in, query latency and recall@k of
 * Lookalike's {@code {!image_knn}} (plain, with a 1 % {@code fq}, with re-ranking) next to Solr's own
 * {@code {!knn}} on the same field, hence the same vectors and HNSW graph, in the same run. Exit codes: 0 when it
 * ran, 1 when the node failed a request, 2 for bad options.
 */
@Command(name = "solr", mixinStandardHelpOptions = true,
        description = {"Query latency (p50, p99, as the client sees it), QPS of one client thread, Solr's own"
                + " QTime and recall@k of Lookalike's {!image_knn} (plain, with a 1 %% fq, with proxy re-ranking) next"
                + " to Solr's {!knn} (topK=k as users write it, and topK=candidates so that it explores as many"
                + " candidates as {!image_knn}), on one running Solr node that has the plug-in. Both search one"
                + " solr.DenseVectorField, so the same vectors and the same HNSW graph. The corpus is made as 'bench"
                + " search' makes it. The core (collection in SolrCloud) is created from --configset (a mutable managed"
                + " schema with the image_knn parser, e.g. the plug-in's example configset), loaded, committed and"
                + " merged to one segment. Every kind warms up first; then the kinds take turns over blocks of 50 timed"
                + " queries. Recall is against exact search over the corpus (among the items the filter keeps). The"
                + " core is deleted at the end unless --keep-core.",
            "Examples:",
            "  lookalike bench solr --url http://localhost:8983",
            "  lookalike bench solr --url http://localhost:8983 --vectors 100000 --json solr-bench.json"})
final class SolrBenchCommand implements Callable<Integer> {

    /** How many of the first timed queries recall is measured on. */
    static final int RECALL_QUERIES = 200;

    @Spec
    CommandSpec spec;

    @Mixin
    EngineBenchOptions engine;

    @Option(names = "--configset", defaultValue = "lookalike", paramLabel = "NAME",
            description = "The configset to create the bench core from. Default: ${DEFAULT-VALUE}.")
    String configSet;

    @Option(names = "--keep-core", description = "Keep the bench core after the run.")
    boolean keepCore;

    @Override
    public Integer call() throws IOException {
        validate();
        PrintWriter err = spec.commandLine().getErr();
        NodeHttp http = new NodeHttp("Solr", engine.url, Duration.ofMinutes(30));
        JsonNode info = SolrBenchCore.systemInfo(http);
        boolean cloud = "solrcloud".equals(info.path("mode").asText());
        BenchCorpusOptions options = engine.corpus;
        ModelBundle bundle = engine.model.bundle();
        BenchCorpusOptions.BenchCorpus run = options.build(engine.model, bundle, engine.data, err);
        SourceEmbeddings sources = run.sources();
        SyntheticCorpus corpus = run.corpus();

        SolrBenchCore core = new SolrBenchCore(http, cloud);
        core.create(configSet, sources.dimension(), engine.hnsw.m, engine.hnsw.efConstruction, engine.replace);
        long start = System.nanoTime();
        try (Progress progress = new Progress("loading", options.vectors(), "doc")) {
            core.load(corpus, progress);
        }
        double load = (System.nanoTime() - start) / 1e9;
        err.println("merging the core to one segment");
        err.flush();
        start = System.nanoTime();
        core.merge();
        double merge = (System.nanoTime() - start) / 1e9;

        List<SolrBenchResult.Kind> kinds = measure(http, corpus, run.untimed(), run.timed());
        if (!keepCore) {
            core.delete();
        }
        SolrBenchResult result = new SolrBenchResult(new SolrBenchResult.Settings(engine.url.toString(),
                info.path("lucene").path("solr-spec-version").asText(), info.path("mode").asText(),
                options.vectors(), sources.dimension(), sources.description(), bundle.spec().name(), options.noise(),
                engine.hnsw.m, engine.hnsw.efConstruction, options.k(), options.candidates(), options.queries(),
                options.warmup(),
                Math.min(RECALL_QUERIES, options.queries()), options.seed()), load, merge, kinds);
        print(spec.commandLine().getOut(), result);
        engine.json.write(result);
        return 0;
    }

    private void validate() {
        engine.validate();
        if (configSet.isBlank()) {
            throw new IllegalArgumentException("--configset must name a configset, got an empty name");
        }
    }

    private List<SolrBenchResult.Kind> measure(NodeHttp http, SyntheticCorpus corpus, float[][] untimed,
            float[][] timed) throws IOException {
        List<SolrSearchKind> kinds = List.of(SolrSearchKind.values());
        ExactNeighbours exact = new ExactNeighbours(corpus);
        int recallQueries = Math.min(RECALL_QUERIES, timed.length);
        Map<FilterSelectivity, int[][]> truth = new HashMap<>();
        for (SolrSearchKind kind : kinds) {
            truth.computeIfAbsent(kind.filter(), filter -> {
                int[][] nearest = new int[recallQueries][];
                for (int q = 0; q < recallQueries; q++) {
                    nearest[q] = exact.nearest(timed[q], filter, engine.corpus.k());
                }
                return nearest;
            });
        }
        Map<SolrSearchKind, TurnTakingBenchmark.Figures> figures;
        long requests = (long) kinds.size() * (untimed.length + timed.length);
        try (Progress progress = new Progress("searching", requests, "q")) {
            figures = TurnTakingBenchmark.run(kinds, untimed, timed, recallQueries,
                    (kind, q) -> truth.get(kind.filter())[q], (kind, query) -> search(http, kind, query), progress);
        }
        List<SolrBenchResult.Kind> out = new ArrayList<>();
        figures.forEach((kind, f) -> out.add(new SolrBenchResult.Kind(kind.name().toLowerCase(Locale.ROOT),
                kind.label(), f.p50Ms(), f.p99Ms(), f.qps(), f.engineP50Ms(), f.recall())));
        return out;
    }

    private TurnTakingBenchmark.Answer search(NodeHttp http, SolrSearchKind kind, float[] query) throws IOException {
        JsonNode answer = http.expectOk("POST", "/solr/" + SolrBenchCore.NAME + "/select",
                kind.body(SolrBenchCore.FIELD, query, engine.corpus.k(), engine.corpus.candidates()));
        JsonNode docs = answer.path("response").path("docs");
        int[] ids = new int[docs.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = Integer.parseInt(docs.get(i).path("id").asText());
        }
        return new TurnTakingBenchmark.Answer(ids, answer.path("responseHeader").path("QTime").asLong() * 1_000_000L);
    }

    private static void print(PrintWriter out, SolrBenchResult r) {
        SolrBenchResult.Settings s = r.settings();
        out.printf(Locale.ROOT, "Solr %s (%s) at %s, %,d vectors (%d-d), HNSW m=%d ef_construction=%d, k=%d,"
                + " %d candidates, %d timed queries per kind%n", s.solrVersion(), s.mode(), s.url(), s.vectors(),
                s.dimension(), s.hnswM(), s.efConstruction(), s.k(), s.candidates(), s.queries());
        out.printf(Locale.ROOT, "load and commit %.1f s, merge to one segment %.1f s%n", r.loadSeconds(),
                r.mergeSeconds());
        out.printf(Locale.ROOT, "%-38s %8s %8s %8s %10s %9s%n", "search", "p50 ms", "p99 ms", "QPS", "QTime p50",
                "recall@" + s.k());
        for (SolrBenchResult.Kind kind : r.kinds()) {
            out.printf(Locale.ROOT, "%-38s %8.2f %8.2f %8.0f %10.0f %9.4f%n", kind.label(), kind.p50Ms(), kind.p99Ms(),
                    kind.qps(), kind.qtimeP50Ms(), kind.recallAtK());
        }
        out.flush();
    }
}
