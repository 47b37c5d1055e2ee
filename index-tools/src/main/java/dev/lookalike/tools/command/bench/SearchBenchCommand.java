package dev.lookalike.tools.command.bench;

import dev.lookalike.analyzer.model.ModelBundle;
import dev.lookalike.search.index.IndexMetadata;
import dev.lookalike.search.index.IndexSettings;
import dev.lookalike.search.query.nearest.SearchStrategy;
import dev.lookalike.tools.bench.corpus.BenchCorpusOptions;
import dev.lookalike.tools.bench.corpus.SourceEmbeddings;
import dev.lookalike.tools.bench.corpus.SyntheticCorpus;
import dev.lookalike.tools.bench.search.BenchSearches;
import dev.lookalike.tools.bench.search.BuiltIndex;
import dev.lookalike.tools.bench.search.CorpusIndexer;
import dev.lookalike.tools.bench.search.RecallLatencyPlot;
import dev.lookalike.tools.bench.search.SearchBenchResult;
import dev.lookalike.tools.bench.search.SearchBenchTable;
import dev.lookalike.tools.bench.search.SearchKind;
import dev.lookalike.tools.bench.search.SearchKindBenchmark;
import dev.lookalike.tools.bench.search.SearchProfiler;
import dev.lookalike.tools.cli.DatasetOptions;
import dev.lookalike.tools.cli.JsonReportOption;
import dev.lookalike.tools.cli.ModelOptions;
import dev.lookalike.tools.cli.Progress;
import dev.lookalike.tools.cli.TempFolder;
import dev.lookalike.tools.cli.VectorFieldOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lookalike bench search}: index build time and size, and single-thread query latency, QPS and recall of
 * Lookalike's search next to bare Lucene kNN on the same index, on a corpus grown from real embeddings
 * ({@link SyntheticCorpus}). Exit codes: 0 when every result list was valid, 1 when some query returned a
 * result its filter should have kept out or fewer than {@code min(k, matches)} results (listed on stderr),
 * 2 for bad options.
 */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Index build time and size, and query latency (p50, p99), QPS and recall@k of"
                + " Lookalike's search next to bare Lucene KnnFloatVectorQuery on the same index, one thread, in the"
                + " same run. The corpus: the dataset's images embedded once, then --vectors noisy copies of them (each"
                + " keeps its source's category) with a catalogue field 'tag' that filters keeping 10 %%, 1 %% and 0.1"
                + " %% select. Queries are other noisy copies. The index is written through CatalogueIndex.putAll"
                + " (batches of 10,000), then force-merged to one segment (timed apart). Recall is against exact search"
                + " over the items each filter keeps. Every kind of query warms up first; then the kinds take turns"
                + " over blocks of 50 timed queries, so that a background load weighs on all alike. Exit code 1 if a"
                + " result failed its filter or a query returned other than min(k, matches) results.",
            "Examples:",
            "  lookalike bench search",
            "  lookalike bench search --vectors 1000000 --quantize int8 --json bench.json"})
final class SearchBenchCommand implements Callable<Integer> {

    /** How many of the first timed queries recall is measured on. */
    static final int RECALL_QUERIES = 100;

    @Spec
    CommandSpec spec;

    @Mixin
    ModelOptions model;

    @Mixin
    DatasetOptions data;

    @Mixin
    VectorFieldOptions vectorField;

    @Mixin
    BenchCorpusOptions bench;

    @Option(names = "--index-dir", paramLabel = "DIR",
            description = "Build the index in this new or empty folder and keep it. Default: a temporary folder,"
                    + " deleted at the end.")
    Path indexDir;

    @Option(names = "--compare-unsorted", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = {"Also build the corpus into an index that is not sorted by category (as indices were",
                "before sorting) and run every kind on it too, for the side-by-side. Default: ${DEFAULT-VALUE}."})
    boolean compareUnsorted;

    @Option(names = "--kinds", split = ",", paramLabel = "KIND",
            description = {"Only these kinds of query, by name (lookalike, lookalike-filter-1-rerank,",
                "lucene-filter-1, lucene-acorn-other-category, ...: the table's labels with dashes), e.g. to",
                "profile one kind. Default: every kind."})
    List<String> onlyKinds;

    @Option(names = "--sweep-candidates", split = ",", paramLabel = "N",
            description = {"Also time unfiltered search, bare Lucene and Lookalike, at each of these candidate",
                "counts on the sorted index: recall against latency, as a table and, with --plot, a PNG."})
    List<Integer> sweepCandidates;

    @Option(names = "--plot", paramLabel = "FILE",
            description = "Draw the --sweep-candidates curve (recall@k against p50) into this PNG file.")
    Path plot;

    @Option(names = "--profile-seconds", defaultValue = "0", paramLabel = "S",
            description = {"Also profile each kind on the sorted index: run it alone for S seconds under Java",
                "Flight Recorder and print where its time goes (HNSW walk, exact scan, filter, candidates,",
                "proxies, stored fields). Default: 0, no profile."})
    double profileSeconds;

    @Option(names = "--strategy", defaultValue = "auto", paramLabel = "auto|exact|hnsw|acorn",
            description = {"How Lookalike's kinds search each segment: chosen per query and segment from estimated",
                "costs (auto), or forced, to compare the strategies. Bare Lucene's kinds are not affected.",
                "Default: ${DEFAULT-VALUE}."})
    String strategy;

    @Option(names = "--reuse-index",
            description = {"With --index-dir: search the index a previous run built there with the same corpus and",
                "index options instead of building it again (its build figures are those of that run); a folder",
                "that is empty is built into as usual."})
    boolean reuseIndex;

    @Mixin
    JsonReportOption json;

    @Override
    public Integer call() throws IOException {
        validate();
        PrintWriter err = spec.commandLine().getErr();
        ModelBundle bundle = model.bundle();
        BenchCorpusOptions.BenchCorpus run = bench.build(model, bundle, data, err);
        SourceEmbeddings sources = run.sources();
        SyntheticCorpus corpus = run.corpus();
        float[][] timed = run.timed();
        float[][] untimed = run.untimed();
        IndexSettings settings = vectorField.settings(sources.dimension());
        IndexMetadata metadata = IndexMetadata.forModel(bundle, settings.withSortedByCategory(true));
        SearchBenchResult.Build build;
        List<SearchBenchResult.Kind> kinds;
        SearchBenchResult.Build unsortedBuild = null;
        List<SearchBenchResult.Kind> unsortedKinds = null;
        List<SearchBenchResult.SweepPoint> sweep;
        List<SearchProfiler.KindProfile> profile;
        try (TempFolder temp = indexDir == null ? TempFolder.create("lookalike-bench-search-") : null) {
            Path folder = indexDir == null ? temp.path() : Files.createDirectories(indexDir);
            String fingerprint = fingerprint(sources, bundle, settings);
            build = reuseIndex ? BuiltIndex.reuse(folder, fingerprint) : null;
            if (build == null) {
                err.printf(Locale.ROOT, "indexing %,d items into %s (sorted by category), then force-merging%n",
                        bench.vectors(), folder);
                err.flush();
                build = CorpusIndexer.build(folder, corpus, metadata, indexDir != null);
                if (indexDir != null) {
                    BuiltIndex.record(folder, fingerprint, build);
                }
            } else {
                err.printf(Locale.ROOT, "searching the index already built in %s%n", folder);
            }
            SortedIndexFigures figures = measureSorted(folder, corpus, untimed, timed, err);
            kinds = figures.kinds();
            sweep = figures.sweep();
            profile = figures.profile();
        }
        if (compareUnsorted) {
            try (TempFolder unsorted = TempFolder.create("lookalike-bench-search-unsorted-")) {
                err.printf(Locale.ROOT, "indexing %,d items into %s (unsorted), then force-merging%n",
                        bench.vectors(), unsorted.path());
                err.flush();
                unsortedBuild = CorpusIndexer.build(unsorted.path(), corpus,
                        IndexMetadata.forModel(bundle, settings.withSortedByCategory(false)), false);
                unsortedKinds = measure(unsorted.path(), corpus, untimed, timed, err, kinds(), bench.candidates());
            }
        }
        double ratio = p50(kinds, SearchKind.LOOKALIKE_FILTER_1_RERANK) / p50(kinds, SearchKind.LUCENE_FILTER_1);
        SearchBenchResult result = new SearchBenchResult(settings(sources, bundle, settings), build, kinds, ratio,
                unsortedBuild, unsortedKinds, sweep, profile);
        SearchBenchTable.print(spec.commandLine().getOut(), result);
        if (plot != null && sweep != null) {
            RecallLatencyPlot.write(plot, sweep, bench.k(), bench.vectors());
            err.println("recall against latency: " + plot);
        }
        json.write(result);
        return result.allResultsValid() ? 0 : 1;
    }

    /**
     * @return the {@code --strategy}
     * @throws IllegalArgumentException naming it when it is none of the strategies
     */
    SearchStrategy strategy() {
        try {
            return SearchStrategy.valueOf(strategy.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--strategy must be one of auto, exact, hnsw, acorn; got '"
                    + strategy + "'", e);
        }
    }

    /** What the corpus and the index's build depend on: a kept index serves a later run only if it is the same. */
    private String fingerprint(SourceEmbeddings sources, ModelBundle bundle, IndexSettings settings) {
        return String.format(Locale.ROOT, "vectors %d, sources %s, model %s, noise %s, seed %d, m %d, beam %d, %s",
                bench.vectors(), sources.description(), bundle.spec().name(), bench.noise(), bench.seed(),
                settings.hnswM(), settings.beamWidth(), settings.quantization());
    }

    /** The kind's p50, or {@code NaN} when the run left it out. */
    private static double p50(List<SearchBenchResult.Kind> kinds, SearchKind kind) {
        return kinds.stream().filter(k -> k.kind().equals(kind.label())).mapToDouble(SearchBenchResult.Kind::p50Ms)
                .findFirst().orElse(Double.NaN);
    }

    /**
     * @return the kinds {@code --kinds} names, in the table's order, or every kind
     * @throws IllegalArgumentException naming a kind that does not exist, and listing those that do
     */
    List<SearchKind> kinds() {
        if (onlyKinds == null || onlyKinds.isEmpty()) {
            return List.of(SearchKind.values());
        }
        Set<SearchKind> chosen = EnumSet.noneOf(SearchKind.class);
        for (String name : onlyKinds) {
            chosen.add(Arrays.stream(SearchKind.values()).filter(kind -> optionName(kind).equals(name.trim()))
                    .findFirst().orElseThrow(() -> new IllegalArgumentException("--kinds: no kind '" + name
                            + "'; the kinds are " + Arrays.stream(SearchKind.values())
                                    .map(SearchBenchCommand::optionName).collect(Collectors.joining(", ")))));
        }
        return List.copyOf(chosen);
    }

    /** @return how {@code --kinds} names a kind: its label, lower case, words joined by dashes, no "knn" or "%" */
    static String optionName(SearchKind kind) {
        return kind.label().replace(" knn", "").replace(" %", "").replace("+ ", "").replace("0.1", "01")
                .replace(' ', '-');
    }

    private void validate() throws IOException {
        bench.validate();
        vectorField.validate();
        kinds();
        strategy();
        if (sweepCandidates != null) {
            for (int candidates : sweepCandidates) {
                if (candidates < bench.k() || candidates > 10_000) {
                    throw new IllegalArgumentException("--sweep-candidates must each be between --k (" + bench.k()
                            + ") and 10000, got " + candidates);
                }
            }
        }
        if (!(profileSeconds >= 0 && profileSeconds <= 3600)) {
            throw new IllegalArgumentException("--profile-seconds must be between 0 and 3600, got " + profileSeconds);
        }
        if (plot != null && sweepCandidates == null) {
            throw new IllegalArgumentException("--plot draws the --sweep-candidates curve; give --sweep-candidates too");
        }
        if (reuseIndex && indexDir == null) {
            throw new IllegalArgumentException("--reuse-index needs --index-dir, the folder of the index to reuse");
        }
        if (indexDir != null && Files.exists(indexDir) && !isEmptyFolder(indexDir)
                && !(reuseIndex && BuiltIndex.isRecorded(indexDir))) {
            throw new IllegalArgumentException("--index-dir " + indexDir + " is not an empty folder; give a new or empty one");
        }
    }

    private static boolean isEmptyFolder(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(path)) {
            return entries.findAny().isEmpty();
        }
    }

    private List<SearchBenchResult.Kind> measure(Path folder, SyntheticCorpus corpus, float[][] untimed,
            float[][] timed, PrintWriter err, List<SearchKind> kinds, int candidates) throws IOException {
        try (Directory directory = FSDirectory.open(folder); DirectoryReader reader = DirectoryReader.open(directory)) {
            return measure(benchmark(reader, corpus, err, candidates), kinds, untimed, timed);
        }
    }

    private SearchKindBenchmark benchmark(DirectoryReader reader, SyntheticCorpus corpus, PrintWriter err,
            int candidates) throws IOException {
        return new SearchKindBenchmark(new BenchSearches(reader, bench.k(), candidates, strategy()), corpus, bench.k(),
                RECALL_QUERIES, err);
    }

    private static List<SearchBenchResult.Kind> measure(SearchKindBenchmark benchmark, List<SearchKind> kinds,
            float[][] untimed, float[][] timed) throws IOException {
        try (Progress progress = new Progress("searching", (long) kinds.size() * (untimed.length + timed.length),
                "q")) {
            return benchmark.measure(kinds, untimed, timed, progress);
        }
    }

    /**
     * The kinds, then the candidate sweep and the profile when asked for, on one reader of the sorted index, with
     * the exact neighbours and query categories computed once for all of them.
     */
    private SortedIndexFigures measureSorted(Path folder, SyntheticCorpus corpus, float[][] untimed,
            float[][] timed, PrintWriter err) throws IOException {
        try (Directory directory = FSDirectory.open(folder); DirectoryReader reader = DirectoryReader.open(directory)) {
            SearchKindBenchmark benchmark = benchmark(reader, corpus, err, bench.candidates());
            List<SearchBenchResult.Kind> kinds = measure(benchmark, kinds(), untimed, timed);
            List<SearchBenchResult.SweepPoint> sweep = null;
            if (sweepCandidates != null && !sweepCandidates.isEmpty()) {
                sweep = new ArrayList<>();
                for (int candidates : sweepCandidates) {
                    err.printf(Locale.ROOT, "candidate sweep: %d candidates%n", candidates);
                    SearchKindBenchmark at = benchmark.using(new BenchSearches(reader, bench.k(), candidates,
                            strategy()));
                    for (SearchBenchResult.Kind kind : measure(at, List.of(SearchKind.LUCENE, SearchKind.LOOKALIKE),
                            untimed, timed)) {
                        sweep.add(new SearchBenchResult.SweepPoint(candidates, kind));
                    }
                }
            }
            List<SearchProfiler.KindProfile> profile = profileSeconds > 0
                    ? benchmark.profile(kinds(), timed, profileSeconds) : null;
            return new SortedIndexFigures(kinds, sweep, profile);
        }
    }

    /** What {@link #measureSorted} measured. */
    private record SortedIndexFigures(List<SearchBenchResult.Kind> kinds, List<SearchBenchResult.SweepPoint> sweep,
            List<SearchProfiler.KindProfile> profile) {
    }

    private SearchBenchResult.Settings settings(SourceEmbeddings sources, ModelBundle bundle, IndexSettings index) {
        Runtime runtime = Runtime.getRuntime();
        return new SearchBenchResult.Settings(bench.vectors(), sources.dimension(), sources.description(),
                bundle.spec().name(), bench.noise(), index.hnswM(), index.beamWidth(),
                index.quantization().name().toLowerCase(Locale.ROOT), bench.k(), bench.candidates(), bench.queries(),
                bench.warmup(), Math.min(RECALL_QUERIES, bench.queries()), bench.seed(),
                System.getProperty("java.vm.name") + " " + Runtime.version(), runtime.availableProcessors(),
                runtime.maxMemory(), ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(),
                strategy().name().toLowerCase(Locale.ROOT));
    }
}
