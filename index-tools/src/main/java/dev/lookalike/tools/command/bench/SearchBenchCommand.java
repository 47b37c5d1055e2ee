package dev.lookalike.tools.command.bench;

import dev.lookalike.analyzer.model.ModelBundle;
import dev.lookalike.search.index.IndexMetadata;
import dev.lookalike.search.index.IndexSettings;
import dev.lookalike.tools.bench.corpus.BenchCorpusOptions;
import dev.lookalike.tools.bench.corpus.SourceEmbeddings;
import dev.lookalike.tools.bench.corpus.SyntheticCorpus;
import dev.lookalike.tools.bench.search.BenchSearches;
import dev.lookalike.tools.bench.search.CorpusIndexer;
import dev.lookalike.tools.bench.search.SearchBenchResult;
import dev.lookalike.tools.bench.search.SearchBenchTable;
import dev.lookalike.tools.bench.search.SearchKind;
import dev.lookalike.tools.bench.search.SearchKindBenchmark;
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
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
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
        description = {"Index build time and size, and query latency (p50, p99), QPS and recall@k of",
            "Lookalike's search next to bare Lucene KnnFloatVectorQuery on the same index,",
            "one thread, in the same run. The corpus: the dataset's images embedded once,",
            "then --vectors noisy copies of them (each keeps its source's category) with a",
            "catalogue field 'tag' that filters keeping 10 %%, 1 %% and 0.1 %% select. Queries",
            "are other noisy copies. The index is written through CatalogueIndex.putAll (batches of 10,000),",
            "then force-merged to one segment (timed apart). Recall is against exact",
            "search over the items each filter keeps. Every kind of query warms up first;",
            "then the kinds take turns over blocks of 50 timed queries, so that a background",
            "load weighs on all alike. Exit code 1 if a result failed its filter or a query",
            "returned other than min(k, matches) results.",
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
        try (TempFolder temp = indexDir == null ? TempFolder.create("lookalike-bench-search-") : null) {
            Path folder = indexDir == null ? temp.path() : Files.createDirectories(indexDir);
            err.printf(Locale.ROOT, "indexing %,d items into %s (sorted by category), then force-merging%n",
                    bench.vectors(), folder);
            err.flush();
            build = CorpusIndexer.build(folder, corpus, metadata, indexDir != null);
            kinds = measure(folder, corpus, untimed, timed, err);
        }
        if (compareUnsorted) {
            try (TempFolder unsorted = TempFolder.create("lookalike-bench-search-unsorted-")) {
                err.printf(Locale.ROOT, "indexing %,d items into %s (unsorted), then force-merging%n",
                        bench.vectors(), unsorted.path());
                err.flush();
                unsortedBuild = CorpusIndexer.build(unsorted.path(), corpus,
                        IndexMetadata.forModel(bundle, settings.withSortedByCategory(false)), false);
                unsortedKinds = measure(unsorted.path(), corpus, untimed, timed, err);
            }
        }
        double ratio = kinds.get(SearchKind.LOOKALIKE_FILTER_1_RERANK.ordinal()).p50Ms()
                / kinds.get(SearchKind.LUCENE_FILTER_1.ordinal()).p50Ms();
        SearchBenchResult result = new SearchBenchResult(settings(sources, bundle, settings), build, kinds, ratio,
                unsortedBuild, unsortedKinds);
        SearchBenchTable.print(spec.commandLine().getOut(), result);
        json.write(result);
        return result.allResultsValid() ? 0 : 1;
    }

    private void validate() throws IOException {
        bench.validate();
        vectorField.validate();
        if (indexDir != null && Files.exists(indexDir) && !isEmptyFolder(indexDir)) {
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
            float[][] timed, PrintWriter err) throws IOException {
        List<SearchKind> kinds = List.of(SearchKind.values());
        try (Directory directory = FSDirectory.open(folder); DirectoryReader reader = DirectoryReader.open(directory);
                Progress progress = new Progress("searching", (long) kinds.size() * (untimed.length + timed.length),
                        "q")) {
            SearchKindBenchmark benchmark = new SearchKindBenchmark(new BenchSearches(reader, bench.k(),
                    bench.candidates()), corpus, bench.k(), RECALL_QUERIES, err);
            return benchmark.measure(kinds, untimed, timed, progress);
        }
    }

    private SearchBenchResult.Settings settings(SourceEmbeddings sources, ModelBundle bundle, IndexSettings index) {
        Runtime runtime = Runtime.getRuntime();
        return new SearchBenchResult.Settings(bench.vectors(), sources.dimension(), sources.description(),
                bundle.spec().name(), bench.noise(), index.hnswM(), index.beamWidth(),
                index.quantization().name().toLowerCase(Locale.ROOT), bench.k(), bench.candidates(), bench.queries(),
                bench.warmup(), Math.min(RECALL_QUERIES, bench.queries()), bench.seed(),
                System.getProperty("java.vm.name") + " " + Runtime.version(), runtime.availableProcessors(),
                runtime.maxMemory(), ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent());
    }
}
