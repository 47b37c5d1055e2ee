package dev.lookalike.tools.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.lookalike.analyzer.dataset.HeldOutSplit;
import dev.lookalike.analyzer.dataset.LabelledDataset;
import dev.lookalike.analyzer.dataset.SampledDataset;
import dev.lookalike.analyzer.eval.EmbeddingEvaluation;
import dev.lookalike.analyzer.eval.EvaluationReport;
import dev.lookalike.analyzer.eval.RetrievalEvaluator;
import dev.lookalike.analyzer.model.HeldOutProvenance;
import dev.lookalike.analyzer.model.ModelBundle;
import dev.lookalike.analyzer.model.ProxyAnchor;
import dev.lookalike.analyzer.model.TrainingProvenance;
import dev.lookalike.search.query.SimilarityQuery;
import dev.lookalike.tools.cli.DatasetOptions;
import dev.lookalike.tools.cli.ModelOptions;
import dev.lookalike.tools.cli.Progress;
import dev.lookalike.tools.eval.ClassSelection;
import dev.lookalike.tools.eval.IndexEvaluation;
import dev.lookalike.tools.eval.QueryKind;
import dev.lookalike.tools.eval.VectorSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lookalike eval}: retrieval and clustering quality of a model (or a baseline) on a labelled dataset. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Evaluate embeddings on a labelled dataset: Recall@1/2/4/8 (each query left out of its"
                + " own gallery), MAP@R, MRR and NMI of k-means (k = number of classes), cosine similarity.",
            "With --queries KIND other than catalogue, each image is turned into a simulated user's photo of that"
                + " kind (rotated, compressed, ..., or several at once) and searched against the clean images, leaving"
                + " out its own (NMI then does not apply). Several kinds, comma-separated, give a row each."})
public final class EvalCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DatasetOptions data;

    @Mixin
    ModelOptions model;

    @Option(names = "--baseline", paramLabel = "pixels|pca",
            description = "Evaluate a baseline instead of a model: raw pixels, or a 64-d PCA fitted on the train split.")
    String baseline;

    @Option(names = "--classes", paramLabel = "all|seen|unseen|LIST",
            description = "Which labels to evaluate on. Default: the classes a model never saw if it was trained"
                    + " on a subset (open-set protocol), else all.")
    String classes;

    @Option(names = "--queries", defaultValue = "catalogue", split = ",", paramLabel = "KIND",
            description = "What to query with: catalogue (the dataset's own images), photos (enlarged, off-centre, JPEG 75;"
                    + " a grey catalogue's product on white, tinted), rotation (up to ±15°), jpeg (quality 20-60), scale-shift (the product filling"
                    + " 55-100 %% of the frame, anywhere), blur (σ 0.5-2 %% of the side), brightness-contrast (contrast"
                    + " ×0.6-1.4, brightness ±0.2), background (grey or coloured, the product as is or, for a grey catalogue, inverted), all"
                    + " (all but photos at once). Strengths are drawn per image from --query-seed. Several, comma-separated,"
                    + " are measured in one run against the same gallery. Default: ${DEFAULT-VALUE}.")
    List<String> queries;

    @Option(names = "--query-seed", defaultValue = "" + QueryKind.DEFAULT_SEED,
            description = "The seed of the simulated photos: the same seed gives the same photos. Default: ${DEFAULT-VALUE}.")
    long querySeed;

    @Option(names = "--mirror-average", arity = "1", paramLabel = "true|false",
            description = "Measure the model with mirror averaging on or off, whatever its spec says (to see what it adds). Default: the spec's.")
    Boolean mirrorAverage;

    @Option(names = "--proxy-anchor", paramLabel = "W",
            description = "Measure the model pulling each embedding towards its expected proxy with this weight, 0 (off) to below 1,"
                    + " whatever its spec says (to see what anchoring adds, or to choose a weight on the validation split)."
                    + " Default: the spec's.")
    Float proxyAnchor;

    @Option(names = "--held-out",
            description = "Query with the images the model's training run held out of this folder (recorded in its"
                    + " spec by `train --dataset DIR`), each against the whole folder: the figures to expect for new"
                    + " photos, where querying with every image flatters a model with the images it trained on.")
    boolean heldOut;

    @Option(names = "--no-nmi",
            description = "Skip the k-means clustering behind the clean queries' NMI (reported as null). Its cost grows"
                    + " with the dimensions and the classes: for raw colour pixels of 80 classes it outlasts every query"
                    + " kind together.")
    boolean noNmi;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write every figure to this JSON file.")
    Path json;

    @Option(names = "--index", paramLabel = "DIR",
            description = "Evaluate a Lucene index built by `index` instead, through the real query path: sampled items"
                    + " query the rest by id through HNSW, without and with proxy re-ranking, scored by their category;"
                    + " and HNSW recall@10 against exact search.")
    Path index;

    @Option(names = "--rerank-weight", split = ",", paramLabel = "W[,W…]",
            description = "With --index: the weight of proxy agreement in the re-ranked run, 0..1. Several, comma-separated,"
                    + " also sweep the weights (the first is the report's re-ranked run): run that on a validation index"
                    + " to choose one. Default: the search default, which is the index model's own (rerank_weight in its"
                    + " bundle's spec) or else " + SimilarityQuery.DEFAULT_RERANK_WEIGHT + ".")
    List<Float> rerankWeights;

    @Option(names = "--rerank-temperature", paramLabel = "T",
            description = "With --index: the softmax temperature of the re-ranking distributions (> 0). Default: the"
                    + " search default, " + SimilarityQuery.DEFAULT_RERANK_TEMPERATURE + ".")
    Float rerankTemperature;

    @Option(names = "--sample", defaultValue = "2000",
            description = "With --index: how many items query the index. Default: ${DEFAULT-VALUE}.")
    int sample;

    @Override
    public Integer call() throws IOException {
        if (index != null) {
            return evaluateIndex();
        }
        List<QueryKind> kinds = QueryKind.parse(queries);
        LabelledDataset all = data.open();
        if (proxyAnchor != null) {
            ProxyAnchor.requireWeight("--proxy-anchor", proxyAnchor);
        }
        ModelBundle bundle = baseline != null ? null : model.bundle();
        VectorSource source = bundle == null
                ? VectorSource.baseline(baseline, data, all)
                : VectorSource.model(model.embedder(measured(bundle)));
        try (source) {
            ClassSelection selection = ClassSelection.parse(classes, source.trainedClasses(), all.classNames().size());
            LabelledDataset dataset = SampledDataset.ofLabels(all, selection::contains, selection.describe());
            int[] queryItems = heldOut ? heldOutItems(bundle, all) : IntStream.range(0, dataset.size()).toArray();
            LabelledDataset queried = heldOut ? SampledDataset.of(dataset, queryItems, dataset.description()
                    + " (held out in training)") : dataset;
            float[][] vectors = source.vectors(dataset, "embedding");
            Map<QueryKind, float[][]> queryVectors = new LinkedHashMap<>();
            for (QueryKind kind : kinds) {
                queryVectors.put(kind, kind == QueryKind.CATALOGUE
                        ? IntStream.of(queryItems).mapToObj(i -> vectors[i]).toArray(float[][]::new)
                        : source.queryVectors(queried, kind.simulator(querySeed), kind.cliName()));
            }
            // Items that could not be embedded, as themselves or as any query (reported on stderr), take no part.
            int[] usable = IntStream.range(0, queryItems.length).filter(q -> vectors[queryItems[q]] != null
                    && queryVectors.values().stream().allMatch(v -> v[q] != null)).toArray();
            int[] galleryItems = heldOut ? IntStream.range(0, dataset.size()).filter(i -> vectors[i] != null).toArray()
                    : IntStream.of(usable).map(q -> queryItems[q]).toArray();
            float[][] gallery = IntStream.of(galleryItems).mapToObj(i -> vectors[i]).toArray(float[][]::new);
            int[] labels = IntStream.of(galleryItems).map(dataset::label).toArray();
            Queries asked = new Queries(usable, IntStream.of(usable).map(q -> queryItems[q]).map(dataset::label).toArray(),
                    IntStream.of(usable).map(q -> Arrays.binarySearch(galleryItems, queryItems[q])).toArray());
            Map<QueryKind, EvaluationReport> reports = new LinkedHashMap<>();
            queryVectors.forEach((kind, q) -> reports.put(kind, evaluate(kind, q, asked, gallery, labels)));
            reports.forEach((kind, report) -> print(source.name(), dataset, queried, kind, report));
            if (reports.size() > 1) {
                printSummary(reports);
            }
            if (json != null) {
                writeJson(source.name(), dataset, queried, selection, reports);
            }
        }
        return 0;
    }

    /**
     * The queries of a run: their positions in each kind's query vectors, their labels, and where each sits in
     * the gallery (left out of its own results).
     */
    private record Queries(int[] positions, int[] labels, int[] inGallery) {
    }

    /** The items of the folder the model's training run held out, refusing what cannot be told. */
    private int[] heldOutItems(ModelBundle bundle, LabelledDataset all) {
        if (baseline != null) {
            throw new IllegalArgumentException("--held-out: a baseline was not trained; it needs --model");
        }
        if (classes != null) {
            throw new IllegalArgumentException("--held-out queries with every held-out image: leave out --classes");
        }
        TrainingProvenance training = bundle.spec().training();
        HeldOutProvenance recorded = training == null ? null : training.heldOut();
        if (recorded == null) {
            throw new IllegalArgumentException("--held-out: model " + bundle.spec().name() + " records no"
                    + " held-out images (it was trained on a Fashion-MNIST split, with --held-out 0 or --eval-images 0,"
                    + " or before bundles recorded them)");
        }
        HeldOutSplit split = recorded.splitOf(all);
        return IntStream.range(0, split.heldOut().size()).map(split.heldOut()::sourceIndex).toArray();
    }

    private EvaluationReport evaluate(QueryKind kind, float[][] queryVectors, Queries asked, float[][] gallery,
                                      int[] labels) {
        if (kind == QueryKind.CATALOGUE && !heldOut && !noNmi) {
            return new EmbeddingEvaluation().evaluate(gallery, labels);
        }
        float[][] queries = IntStream.of(asked.positions()).mapToObj(q -> queryVectors[q]).toArray(float[][]::new);
        return new RetrievalEvaluator().evaluate(queries, asked.labels(), gallery, labels, asked.inGallery());
    }

    /** The bundle as {@code --mirror-average} and {@code --proxy-anchor} ask to measure it. */
    private ModelBundle measured(ModelBundle bundle) {
        ModelBundle measured = mirrorAverage == null ? bundle : bundle.withMirrorAverage(mirrorAverage);
        return proxyAnchor == null ? measured : measured.withProxyAnchor(proxyAnchor);
    }

    private int evaluateIndex() throws IOException {
        if (sample < 1) {
            throw new IllegalArgumentException("--sample must be positive, got " + sample);
        }
        SimilarityQuery.requireTemperature("--rerank-temperature", rerankTemperature);
        if (rerankWeights != null) {
            rerankWeights.forEach(w -> SimilarityQuery.requireWeight("--rerank-weight", w));
        }
        try (Directory dir = FSDirectory.open(index)) {
            if (!DirectoryReader.indexExists(dir)) {
                throw new IllegalArgumentException("--index " + index + ": no Lucene index there");
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                IndexEvaluation evaluation = new IndexEvaluation(reader, rerankWeights, rerankTemperature);
                Map<String, Object> report;
                try (Progress progress = new Progress("querying", Math.min(sample, reader.numDocs()), "query")) {
                    report = evaluation.run(sample, 11, progress);
                }
                IndexEvaluation.print(report, spec.commandLine().getOut());
                if (json != null) {
                    Files.createDirectories(json.toAbsolutePath().getParent());
                    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), report);
                }
            }
        }
        return 0;
    }

    private void print(String name, LabelledDataset dataset, LabelledDataset queried, QueryKind kind,
                       EvaluationReport report) {
        if (queried == dataset) {
            spec.commandLine().getOut().printf("%s on %s: %d images, %s queries%n", name, dataset.description(),
                    dataset.size(), kind.cliName());
        } else {
            spec.commandLine().getOut().printf("%s on %s: %d held-out images (%s queries) against all %d%n", name,
                    dataset.description(), queried.size(), kind.cliName(), dataset.size());
        }
        spec.commandLine().getOut().printf("%-10s %s%n", "metric", "value");
        report.toOrderedMap().forEach((k, v) -> {
            if (v != null && !Double.isNaN(v)) {
                spec.commandLine().getOut().printf("%-10s %.4f%n", k, v);
            }
        });
        spec.commandLine().getOut().printf("%n%-16s %8s %9s %7s%n", "class", "queries", "recall@1", "map@r");
        report.byLabel().forEach((label, f) -> spec.commandLine().getOut().printf(Locale.ROOT, "%-16s %8d %9.4f %7.4f%n",
                dataset.classNames().get(label), f.queries(), f.recallAt1(), f.mapAtR()));
        spec.commandLine().getOut().println();
    }

    /** One row per kind of query, with its Recall@1 next to that of the first kind (the clean one, if given first). */
    private void printSummary(Map<QueryKind, EvaluationReport> reports) {
        QueryKind first = reports.keySet().iterator().next();
        double reference = reports.get(first).recallAtK().get(1);
        spec.commandLine().getOut().printf(Locale.ROOT, "%-20s %9s %7s %7s %s%n", "queries", "recall@1", "map@r", "mrr",
                "recall@1 - " + first.cliName());
        reports.forEach((kind, r) -> spec.commandLine().getOut().printf(Locale.ROOT, "%-20s %9.4f %7.4f %7.4f %+.4f%n",
                kind.cliName(), r.recallAtK().get(1), r.mapAtR(), r.mrr(), r.recallAtK().get(1) - reference));
    }

    private void writeJson(String name, LabelledDataset dataset, LabelledDataset queried, ClassSelection selection,
                           Map<QueryKind, EvaluationReport> reports) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("model", name);
        out.put("dataset", dataset.description());
        out.put("classes", selection.labels());
        out.put("images", dataset.size());
        if (queried != dataset) {
            out.put("held_out_queries", queried.size());
        }
        out.put("query_seed", querySeed);
        if (reports.size() == 1) {
            reports.forEach((kind, report) -> out.putAll(run(dataset, kind, report)));
        } else {
            out.put("queries", reports.keySet().stream().map(QueryKind::cliName).toList());
            out.put("runs", reports.entrySet().stream().map(e -> run(dataset, e.getKey(), e.getValue())).toList());
        }
        Path parent = json.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), out);
    }

    private static Map<String, Object> run(LabelledDataset dataset, QueryKind kind, EvaluationReport report) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("queries", kind.cliName());
        out.put("metrics", report.toOrderedMap());
        List<Map<String, Object>> perClass = new ArrayList<>();
        report.byLabel().forEach((label, f) -> {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("class", dataset.classNames().get(label));
            c.put("queries", f.queries());
            c.put("recall@1", f.recallAt1());
            c.put("map@r", f.mapAtR());
            perClass.add(c);
        });
        out.put("per_class", perClass);
        return out;
    }
}
