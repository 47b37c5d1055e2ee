package dev.lookalike.tools.command;

import dev.lookalike.analyzer.image.ImageDecoder;
import dev.lookalike.analyzer.image.ImageLimits;
import dev.lookalike.analyzer.model.BatchEmbedding;
import dev.lookalike.analyzer.model.Embedder;
import dev.lookalike.analyzer.model.EmbedderOptions;
import dev.lookalike.analyzer.model.ImageSource;
import dev.lookalike.analyzer.model.ModelBundle;
import dev.lookalike.search.SearchInputException;
import dev.lookalike.search.UnitVectors;
import dev.lookalike.search.index.IndexMetadata;
import dev.lookalike.search.index.IndexSchema;
import dev.lookalike.search.query.QueryVector;
import dev.lookalike.search.query.SearchFilter;
import dev.lookalike.search.query.SearchResults;
import dev.lookalike.search.query.SimilarityQuery;
import dev.lookalike.search.query.SimilaritySearcher;
import dev.lookalike.tools.catalogue.ModelVersions;
import dev.lookalike.tools.cli.BuiltInModels;
import dev.lookalike.tools.cli.ErrorReporter;
import dev.lookalike.tools.report.ResultsJson;
import dev.lookalike.tools.report.ResultsTable;
import dev.lookalike.tools.report.SearchResultsPage;
import dev.lookalike.tools.search.FilterQueryParser;
import dev.lookalike.tools.search.QueryInput;
import dev.lookalike.tools.search.QueryInputs;
import dev.lookalike.tools.search.StoredItem;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lookalike search}: runs one or more similarity queries against a Lucene index built by
 * {@code lookalike index} and prints the results as tables or JSON lines, optionally as an HTML page too.
 * All queries share one index reader and, when any is an image, one loaded model (loaded only then, and
 * checked to be the model the index was built with). Options are checked before anything is opened; bad
 * input exits with code 2 and a message naming the option.
 */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Find the items of an index most similar to query images, to indexed items, or to vectors.",
            "Each query prints a table (or, with --json, one JSON line, in query order):",
            "  {\"query\": …, \"predicted_category\": {\"name\", \"probability\"},",
            "   \"results\": [{\"id\", \"score\", \"category\", \"title\", \"image\", \"similarity\", \"proxy\", \"text\"}]}",
            "Examples:",
            "  lookalike search --index idx --image shoe.jpg --k 5",
            "  lookalike search --index idx --id test-00042 --category Sneaker --json",
            "  lookalike search --index idx --image-list queries.txt --rerank --html results.html"})
public final class SearchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--index", required = true, paramLabel = "DIR", description = "The Lucene index folder to search.")
    Path index;

    @Option(names = "--image", arity = "1..*", paramLabel = "FILE",
            description = "Query images (each one query).")
    List<Path> images;

    @Option(names = "--image-list", paramLabel = "FILE",
            description = "A file of query image paths, one a line, relative to its folder; # starts a comment.")
    Path imageList;

    @Option(names = "--id", arity = "1..*", paramLabel = "ID",
            description = "Query with indexed items' vectors (each one query); the item itself is left out.")
    List<String> ids;

    @Option(names = "--vector", arity = "1..*", paramLabel = "CSV",
            description = "Query with vectors of the index's dimension, comma-separated (each one query).")
    List<String> vectors;

    @Option(names = "--category", arity = "1..*", paramLabel = "C",
            description = "Only results of these categories (any of them).")
    List<String> categories;

    @Option(names = "--text", paramLabel = "TEXT",
            description = "Fuse a BM25 score on title and description into the ranking.")
    String text;

    @Option(names = "--filter-text", paramLabel = "TEXT",
            description = "Only results whose title or description contain every word of TEXT.")
    String filterText;

    @Option(names = "--filter", arity = "1..*", paramLabel = "FIELD=V[,V…]",
            description = "Only results whose keyword field has one of the values, matched whole: id, category,"
                    + " proxy_category, or a catalogue field by its name (e.g. colour=red,blue). Several --filter all apply.")
    List<String> fieldFilters;

    @Option(names = "--filter-query", paramLabel = "QUERY",
            description = "Only results matching this Lucene query (classic syntax), e.g."
                    + " 'category:(Sneaker OR Sandal) AND NOT field.colour:red'; title and description are analysed text.")
    String filterQuery;

    @Option(names = "--k", defaultValue = "10", paramLabel = "K",
            description = "Results per query, 1..10000. Default: ${DEFAULT-VALUE}.")
    int k;

    @Option(names = "--candidates", paramLabel = "N",
            description = "Nearest candidates scored per query, k..10000. Default: max(100, 2k), at most 10000.")
    Integer candidates;

    @Option(names = "--min-similarity", paramLabel = "S",
            description = "Drop results whose cosine similarity is below S (-1..1).")
    Float minSimilarity;

    @Option(names = "--rerank", description = "Re-rank by agreement of the query's and items' category distributions.")
    boolean rerank;

    @Option(names = "--rerank-weight", paramLabel = "W",
            description = "Weight of the proxy agreement with --rerank, 0..1. Default: the index model's own (rerank_weight"
                    + " in its bundle's spec), else " + SimilarityQuery.DEFAULT_RERANK_WEIGHT + ".")
    Float rerankWeight;

    @Option(names = "--rerank-temperature", paramLabel = "T",
            description = "Softmax temperature of the category distributions compared with --rerank (> 0): lower is more"
                    + " decided. Default: " + SimilarityQuery.DEFAULT_RERANK_TEMPERATURE + ".")
    Float rerankTemperature;

    @Option(names = "--json", description = "Print one JSON line per query instead of tables.")
    boolean json;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write an HTML page of query and result images.")
    Path html;

    @Option(names = "--model", paramLabel = "NAME|DIR", completionCandidates = BuiltInModels.class,
            description = "The model for image queries: a built-in model (${COMPLETION-CANDIDATES}) or a bundle folder. "
                    + "Default: the index's model.")
    String model;

    /** A page that a caller (the demo) collects rows on instead of {@code --html}; {@code null} otherwise. */
    SearchResultsPage sharedPage;

    /** With {@link #sharedPage}: what the rows of this run show. */
    String sharedCaption;

    @Override
    public Integer call() throws IOException {
        checkOptions();
        List<QueryInput> queries = QueryInputs.parse(images, imageList, ids, vectors);
        PrintWriter out = spec.commandLine().getOut();
        try (Directory directory = FSDirectory.open(index);
                DirectoryReader reader = open(directory)) {
            SimilaritySearcher searcher = SimilaritySearcher.open(reader);
            IndexSearcher lookup = new IndexSearcher(reader);
            IndexMetadata metadata = searcher.metadata();
            Map<QueryInput, StoredItem> items = new HashMap<>();
            for (QueryInput q : queries) {
                switch (q) {
                    case QueryInput.Item item -> items.put(q, StoredItem.find(lookup, item.id()));
                    case QueryInput.Vector vector ->
                        UnitVectors.requireFinite("--vector", vector.vector(), metadata.settings().dimension());
                    case QueryInput.Image image -> { }
                }
            }
            Map<QueryInput, float[]> embedded = embedImages(queries, metadata);
            SearchResultsPage page = sharedPage != null ? sharedPage : html == null ? null
                    : new SearchResultsPage("Lookalike search: " + index, new ImageDecoder(ImageLimits.DEFAULT));
            for (QueryInput q : queries) {
                SearchResults results = searcher.search(query(q, embedded));
                if (json) {
                    out.println(ResultsJson.line(q, results));
                } else {
                    ResultsTable.print(out, q, results);
                }
                if (page != null) {
                    StoredItem item = items.get(q);
                    Path image = q instanceof QueryInput.Image i ? i.file() : item == null ? null : item.image();
                    String title = sharedCaption == null ? q.describe() : sharedCaption + ": " + q.describe();
                    page.add(title, q, image, item == null ? null : item.category(), results);
                }
            }
            if (page != null && html != null) {
                page.write(html);
                spec.commandLine().getErr().println("results page: " + html.toAbsolutePath());
            }
        }
        return 0;
    }

    private void checkOptions() {
        if (k < 1 || k > SimilarityQuery.MAX_K) {
            throw bad("--k must be between 1 and " + SimilarityQuery.MAX_K + ", got " + k);
        }
        if (candidates != null && (candidates < k || candidates > SimilarityQuery.MAX_CANDIDATES)) {
            throw bad("--candidates must be between --k (" + k + ") and " + SimilarityQuery.MAX_CANDIDATES
                    + ", got " + candidates);
        }
        if (minSimilarity != null && !(minSimilarity >= -1 && minSimilarity <= 1)) {
            throw bad("--min-similarity must be a cosine between -1 and 1, got " + minSimilarity);
        }
        if (rerankWeight != null && !rerank) {
            throw bad("--rerank-weight needs --rerank");
        }
        if (rerankTemperature != null && !rerank) {
            throw bad("--rerank-temperature needs --rerank");
        }
        SimilarityQuery.requireTemperature("--rerank-temperature", rerankTemperature);
        if (rerankWeight != null) {
            SimilarityQuery.requireWeight("--rerank-weight", rerankWeight);
        }
        if (filterQuery != null) {
            FilterQueryParser.parse(filterQuery);
        }
        if (categories != null && categories.stream().anyMatch(String::isBlank)) {
            throw bad("--category must not be empty");
        }
    }

    private DirectoryReader open(Directory directory) throws IOException {
        if (!DirectoryReader.indexExists(directory)) {
            throw new SearchInputException("--index " + index, "holds no index; build one with lookalike index");
        }
        return DirectoryReader.open(directory);
    }

    /** Embeds every image query in one batch, with the index's model unless --model names another. */
    private Map<QueryInput, float[]> embedImages(List<QueryInput> queries, IndexMetadata metadata) {
        List<QueryInput.Image> imageQueries = new ArrayList<>();
        queries.forEach(q -> {
            if (q instanceof QueryInput.Image image) {
                imageQueries.add(image);
            }
        });
        Map<QueryInput, float[]> vectors = new HashMap<>();
        if (imageQueries.isEmpty()) {
            return vectors;
        }
        if (model == null && !ModelBundle.BUILT_IN.contains(metadata.model())) {
            throw new SearchInputException("--model", "is needed for image queries: index " + index
                    + " was built with model '" + metadata.model() + "', which is not built in; name its bundle folder");
        }
        ModelBundle bundle = ModelBundle.load(model != null ? model : metadata.model());
        if (!bundle.spec().name().equals(metadata.model())) {
            throw new SearchInputException("--model " + model, "is model '" + bundle.spec().name()
                    + "' but index " + index + " was built with '" + metadata.model() + "'; leave --model out or name that one");
        }
        ModelVersions.requireSame(metadata, bundle, "index " + index);
        try (Embedder embedder = Embedder.open(bundle, EmbedderOptions.defaults())) {
            BatchEmbedding result = embedder.embedImages(
                    imageQueries.stream().map(q -> ImageSource.of(q.file())).toList(), done -> { });
            if (!result.skipped().isEmpty()) {
                BatchEmbedding.Skipped first = result.skipped().get(0);
                throw new SearchInputException(imageQueries.get(first.index()).from(), first.reason());
            }
            for (int i = 0; i < imageQueries.size(); i++) {
                vectors.put(imageQueries.get(i), result.vectors().get(i));
            }
        }
        return vectors;
    }

    private SimilarityQuery query(QueryInput q, Map<QueryInput, float[]> embedded) {
        QueryVector vector = switch (q) {
            case QueryInput.Item item -> QueryVector.ofItem(item.id());
            case QueryInput.Vector given -> QueryVector.of(given.vector());
            case QueryInput.Image image -> QueryVector.of(embedded.get(image));
        };
        SimilarityQuery.Builder builder = SimilarityQuery.builder(vector).k(k).minSimilarity(minSimilarity)
                .text(text).rerank(rerank);
        if (candidates != null) {
            builder.numCandidates(candidates);
        }
        builder.rerankWeight(rerankWeight).rerankTemperature(rerankTemperature);
        if (categories != null && !categories.isEmpty()) {
            builder.filter(SearchFilter.categories(categories.toArray(String[]::new)));
        }
        if (filterText != null && !filterText.isBlank()) {
            builder.filter(SearchFilter.textMatch(filterText));
        }
        if (fieldFilters != null) {
            fieldFilters.forEach(f -> builder.filter(fieldFilter(f)));
        }
        if (filterQuery != null) {
            builder.filter(SearchFilter.query(FilterQueryParser.parse(filterQuery)));
        }
        return builder.build();
    }

    /** {@code FIELD=V[,V…]}: a term filter on a keyword field, a catalogue field by its own name. */
    private static SearchFilter fieldFilter(String spec) {
        int eq = spec.indexOf('=');
        if (eq <= 0 || eq == spec.length() - 1) {
            throw bad("--filter: expected FIELD=VALUE[,VALUE…], got '" + spec + "'");
        }
        String field = spec.substring(0, eq).trim();
        String indexed = IndexSchema.KEYWORD_FIELDS.contains(field) || field.startsWith(IndexSchema.FIELD_PREFIX)
                ? field : IndexSchema.FIELD_PREFIX + field;
        return SearchFilter.terms(indexed, List.of(spec.substring(eq + 1).split(",")));
    }

    /** Bad option values are bad input, reported in one line by {@link ErrorReporter} (exit code 2). */
    private static IllegalArgumentException bad(String message) {
        return new IllegalArgumentException(message);
    }
}
