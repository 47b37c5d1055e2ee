package dev.lookalike.tools;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.lookalike.analyzer.dataset.LabelledDataset;
import dev.lookalike.analyzer.dataset.SampledDataset;
import dev.lookalike.analyzer.model.Embedder;
import dev.lookalike.analyzer.model.ModelBundle;
import dev.lookalike.search.index.IndexMetadata;
import dev.lookalike.search.index.IndexSettings;
import dev.lookalike.search.query.SimilarityQuery;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
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

    @Option(names = "--vectors", defaultValue = "100000", paramLabel = "N",
            description = "Items in the index. Default: ${DEFAULT-VALUE}.")
    int vectors;

    @Option(names = "--source-images", defaultValue = "10000", paramLabel = "N",
            description = "How many of the dataset's images to embed as the corpus's sources (a seeded sample"
                    + " when fewer than the dataset has). Default: ${DEFAULT-VALUE}.")
    int sourceImages;

    @Option(names = "--noise", defaultValue = "0.3", paramLabel = "LENGTH",
            description = "Expected length of the Gaussian noise added to a unit source vector before it is"
                    + " normalised again (cosine to the source about 1/sqrt(1 + LENGTH^2)). Default: ${DEFAULT-VALUE}.")
    double noise;

    @Option(names = "--queries", defaultValue = "1000", paramLabel = "N",
            description = "Timed queries per kind of query. Default: ${DEFAULT-VALUE}.")
    int queries;

    @Option(names = "--warmup", defaultValue = "200", paramLabel = "N",
            description = "Untimed queries per kind before the timed ones. Default: ${DEFAULT-VALUE}.")
    int warmup;

    @Option(names = "--k", defaultValue = "10", paramLabel = "K",
            description = "Results per query. Default: ${DEFAULT-VALUE}.")
    int k;

    @Option(names = "--candidates", defaultValue = "100", paramLabel = "N",
            description = "Nearest candidates per query (Lookalike's numCandidates; bare Lucene's kNN k), --k.."
                    + SimilarityQuery.MAX_CANDIDATES + ". Default: ${DEFAULT-VALUE}.")
    int candidates;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "N",
            description = "Seed of the source sample, the corpus and the queries. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--index-dir", paramLabel = "DIR",
            description = "Build the index in this new or empty folder and keep it. Default: a temporary folder,"
                    + " deleted at the end.")
    Path indexDir;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write every figure and setting to this JSON file.")
    Path json;

    @Override
    public Integer call() throws IOException {
        validate();
        PrintWriter err = spec.commandLine().getErr();
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
        IndexSettings settings = vectorField.settings(sources.dimension());
        IndexMetadata metadata = IndexMetadata.create(bundle.spec().name(), settings, bundle.proxies(),
                bundle.spec().temperature());
        SearchBenchResult.Build build;
        List<SearchBenchResult.Kind> kinds;
        try (TempFolder temp = indexDir == null ? TempFolder.create("lookalike-bench-search-") : null) {
            Path folder = indexDir == null ? temp.path() : Files.createDirectories(indexDir);
            err.printf(Locale.ROOT, "indexing %,d items into %s, then force-merging%n",
                    vectors, folder);
            err.flush();
            build = CorpusIndexer.build(folder, corpus, metadata, indexDir != null);
            kinds = measure(folder, corpus, untimed, timed, err);
        }
        double ratio = kinds.get(SearchKind.LOOKALIKE_FILTER_1_RERANK.ordinal()).p50Ms()
                / kinds.get(SearchKind.LUCENE_FILTER_1.ordinal()).p50Ms();
        SearchBenchResult result = new SearchBenchResult(settings(sources, bundle, settings), build, kinds, ratio);
        SearchBenchTable.print(spec.commandLine().getOut(), result);
        if (json != null) {
            Files.createDirectories(json.toAbsolutePath().getParent());
            new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                    .enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), result);
        }
        return result.allResultsValid() ? 0 : 1;
    }

    private void validate() throws IOException {
        requireAtLeast("--vectors", vectors, 1);
        requireAtLeast("--queries", queries, 1);
        requireAtLeast("--warmup", warmup, 0);
        requireAtLeast("--source-images", sourceImages, 1);
        if (!(noise >= 0 && Double.isFinite(noise))) {
            throw new IllegalArgumentException("--noise must be a finite number of 0 or more, got " + noise);
        }
        int maxK = Math.min(vectors, SimilarityQuery.MAX_K);
        if (k < 1 || k > maxK) {
            throw new IllegalArgumentException("--k must be between 1 and " + (maxK == vectors
                    ? "--vectors (" + vectors + ")" : String.valueOf(maxK)) + ", got " + k);
        }
        if (candidates < k || candidates > SimilarityQuery.MAX_CANDIDATES) {
            throw new IllegalArgumentException("--candidates must be between --k (" + k + ") and "
                    + SimilarityQuery.MAX_CANDIDATES + ", got " + candidates);
        }
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

    private static void requireAtLeast(String option, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(option + " must be at least " + min + ", got " + value);
        }
    }

    private LabelledDataset sourceImages() {
        LabelledDataset all = data.open();
        return sourceImages < all.size() ? SampledDataset.random(all, sourceImages, seed) : all;
    }

    private List<SearchBenchResult.Kind> measure(Path folder, SyntheticCorpus corpus, float[][] untimed,
            float[][] timed, PrintWriter err) throws IOException {
        List<SearchKind> kinds = List.of(SearchKind.values());
        try (Directory directory = FSDirectory.open(folder); DirectoryReader reader = DirectoryReader.open(directory);
                Progress progress = new Progress("searching", (long) kinds.size() * (untimed.length + timed.length),
                        "q")) {
            SearchKindBenchmark benchmark = new SearchKindBenchmark(new BenchSearches(reader, k, candidates), corpus,
                    k, RECALL_QUERIES, err);
            return benchmark.measure(kinds, untimed, timed, progress);
        }
    }

    private SearchBenchResult.Settings settings(SourceEmbeddings sources, ModelBundle bundle, IndexSettings index) {
        Runtime runtime = Runtime.getRuntime();
        return new SearchBenchResult.Settings(vectors, sources.dimension(), sources.description(), bundle.spec().name(),
                noise, index.hnswM(), index.beamWidth(), index.quantization().name().toLowerCase(Locale.ROOT), k,
                candidates, queries, warmup, Math.min(RECALL_QUERIES, queries), seed,
                System.getProperty("java.vm.name") + " " + Runtime.version(), runtime.availableProcessors(),
                runtime.maxMemory(), ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent());
    }
}
