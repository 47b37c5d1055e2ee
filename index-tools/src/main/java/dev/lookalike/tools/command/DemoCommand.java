package dev.lookalike.tools.command;

import dev.lookalike.analyzer.dataset.FashionMnist;
import dev.lookalike.analyzer.distort.PhotoQuerySimulator;
import dev.lookalike.analyzer.image.ImageDecoder;
import dev.lookalike.analyzer.image.ImageLimits;
import dev.lookalike.tools.cli.BuiltInModels;
import dev.lookalike.tools.cli.TempFolder;
import dev.lookalike.tools.eval.VectorSource;
import dev.lookalike.tools.report.EmbeddingMapPlot;
import dev.lookalike.tools.report.IndexedVectors;
import dev.lookalike.tools.report.SearchResultsPage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lookalike demo}: from nothing to a searchable index and a look at its results, by running the
 * commands a search team would run, each printed before its output: {@code catalogue} writes Fashion-MNIST's
 * test split as a catalogue, {@code index} builds the Lucene index, {@code eval --index} measures it, and
 * {@code search} runs example queries (a user's photo, an item, a category filter, text, with and without
 * re-ranking), and {@code export-projector} writes the embeddings for TensorBoard's projector. The example
 * results go on one HTML page, the index's embeddings on a PNG map.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"From nothing to a searchable index of Fashion-MNIST's test split: write the"
                + " catalogue, build the index, evaluate it and run example searches (by photo, by id, with a category"
                + " filter, with text, with and without re-ranking), printing each command; results go to an HTML page"
                + " and an embedding map."})
public final class DemoCommand implements Callable<Integer> {

    /** Items of the examples, by their place in the test split. */
    private static final int SHIRT = 4;
    private static final int COAT = 6;
    private static final int SNEAKER = 9;
    private static final int BAG = 18;
    /** The highest of them: a catalogue must reach it. */
    private static final int LAST_EXAMPLE = BAG;

    @Spec
    CommandSpec spec;

    @Option(names = "--out", defaultValue = "lookalike-demo", paramLabel = "DIR",
            description = "Where to write the catalogue, the index, index.html and embedding-map.png. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--model", defaultValue = "fashion", paramLabel = "NAME|DIR", completionCandidates = BuiltInModels.class,
            description = "The model: a built-in model (${COMPLETION-CANDIDATES}) or a bundle folder. Default: ${DEFAULT-VALUE}.")
    String model;

    @Option(names = "--limit", paramLabel = "N",
            description = "Catalogue only the first N test images (a quicker look). Default: all 10,000.")
    Integer limit;

    @Option(names = "--results", defaultValue = "8", description = "Results shown per query, 1..100. Default: ${DEFAULT-VALUE}.")
    int results;

    @Override
    public Integer call() throws IOException {
        if (results < 1 || results > 100) {
            throw new IllegalArgumentException("--results must be in 1..100, got " + results);
        }
        if (limit != null && limit <= LAST_EXAMPLE) {
            throw new IllegalArgumentException("--limit must be above " + LAST_EXAMPLE + " so that the examples' items are in the catalogue, got " + limit);
        }
        Path catalogueDir = out.resolve("catalogue");
        Path index = out.resolve("index");
        Path catalogue = catalogueDir.resolve(CatalogueCommand.CATALOGUE_FILE);
        removeOldIndex(index);

        List<String> catalogueArgs = new ArrayList<>(List.of("catalogue", "--dataset", "fashion-mnist", "--split", "test",
                "--out", catalogueDir.toString()));
        if (limit != null) {
            catalogueArgs.addAll(List.of("--limit", limit.toString()));
        }
        step(catalogueArgs.toArray(String[]::new));
        step("index", "--catalogue", catalogue.toString(), "--index", index.toString(), "--model", model);
        step("eval", "--index", index.toString(), "--sample", "1000");

        Path photo = writePhoto(out.resolve("photos"), SNEAKER);
        SearchResultsPage page = new SearchResultsPage("Lookalike demo: Fashion-MNIST test split, model " + model,
                new ImageDecoder(ImageLimits.DEFAULT));
        String k = Integer.toString(results);
        example(page, "A user's photo of a sneaker (on white, tinted, off-centre, JPEG)",
                "search", "--index", index.toString(), "--image", photo.toString(), "--k", k);
        example(page, "More like this item",
                "search", "--index", index.toString(), "--id", id(BAG), "--k", k);
        example(page, "Like this sneaker, but only sandals (a category filter acts inside the HNSW search)",
                "search", "--index", index.toString(), "--id", id(SNEAKER), "--category", "Sandal", "--k", k);
        example(page, "Like this coat, with the word \"pullover\" fused in by BM25 on the titles",
                "search", "--index", index.toString(), "--id", id(COAT), "--text", "pullover", "--k", k);
        example(page, "A shirt, without re-ranking",
                "search", "--index", index.toString(), "--id", id(SHIRT), "--k", k);
        example(page, "The same shirt, re-ranked by the proxies",
                "search", "--index", index.toString(), "--id", id(SHIRT), "--rerank", "--k", k);
        Path html = out.resolve("index.html");
        page.write(html);

        step("export-projector", "--index", index.toString(), "--out", out.resolve("projector").toString());

        Path map = out.resolve("embedding-map.png");
        try (Directory directory = FSDirectory.open(index); DirectoryReader reader = DirectoryReader.open(directory)) {
            IndexedVectors indexed = IndexedVectors.read(reader);
            EmbeddingMapPlot.write(indexed.vectors(), indexed.labels(), indexed.categories(),
                    "Model " + model + ": the index's " + indexed.vectors().length + " embeddings", map);
        }
        PrintWriter printed = spec.commandLine().getOut();
        printed.println("results page: " + html.toAbsolutePath());
        printed.println("embedding map: " + map.toAbsolutePath());
        printed.flush();
        return 0;
    }

    /** Runs a command of this command line, printed first as a user would type it; fails the demo if it fails. */
    private void step(String... args) {
        run(null, null, args);
    }

    private void example(SearchResultsPage page, String caption, String... args) {
        run(page, caption, args);
    }

    private void run(SearchResultsPage page, String caption, String... args) {
        PrintWriter printed = spec.commandLine().getOut();
        printed.println();
        if (caption != null) {
            printed.println("# " + caption);
        }
        printed.println("$ lookalike " + String.join(" ", args));
        printed.flush();
        CommandLine cli = freshCommandLine();
        cli.setOut(printed);
        cli.setErr(spec.commandLine().getErr());
        if (page != null) {
            SearchCommand search = cli.getSubcommands().get("search").getCommand();
            search.sharedPage = page;
            search.sharedCaption = caption;
        }
        int code = cli.execute(args);
        if (code != 0) {
            throw new IllegalStateException("the demo's step `lookalike " + String.join(" ", args) + "` exited with " + code);
        }
    }

    /**
     * A new command line like the one the demo runs in (same commands, same error handling), so that each
     * step starts from its options' defaults.
     */
    private CommandLine freshCommandLine() {
        CommandLine root = spec.root().commandLine();
        CommandLine cli = new CommandLine(root.getCommand().getClass());
        cli.setExecutionExceptionHandler(root.getExecutionExceptionHandler());
        return cli;
    }

    private Path writePhoto(Path dir, int item) throws IOException {
        Files.createDirectories(dir);
        FashionMnist test = FashionMnist.load("test");
        PhotoQuerySimulator photos = VectorSource.photos();
        Path file = dir.resolve("photo-of-" + id(item) + ".jpg");
        Files.write(file, photos.photo(item, test.image(item, new ImageDecoder(ImageLimits.DEFAULT))));
        return file;
    }

    /** Deletes the index a previous demo wrote here, so that a new model's vectors never meet an old model's. */
    private static void removeOldIndex(Path index) throws IOException {
        if (!Files.exists(index)) {
            return;
        }
        try (Directory directory = FSDirectory.open(index)) {
            if (!DirectoryReader.indexExists(directory)) {
                throw new IllegalArgumentException("--out: " + index + " exists and is not an index the demo wrote; choose another --out");
            }
        }
        TempFolder.deleteTree(index);
    }

    private static String id(int item) {
        return CatalogueCommand.id("test", item);
    }
}
