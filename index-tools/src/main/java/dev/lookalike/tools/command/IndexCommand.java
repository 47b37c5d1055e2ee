package dev.lookalike.tools.command;

import dev.lookalike.analyzer.model.BatchEmbedding;
import dev.lookalike.analyzer.model.Embedder;
import dev.lookalike.analyzer.model.ModelBundle;
import dev.lookalike.search.SearchInputException;
import dev.lookalike.search.catalogue.Catalogue;
import dev.lookalike.search.catalogue.CatalogueEmbedding;
import dev.lookalike.search.catalogue.CatalogueReader;
import dev.lookalike.search.catalogue.ItemSink;
import dev.lookalike.search.index.CatalogueIndex;
import dev.lookalike.search.index.IndexSchema;
import dev.lookalike.search.index.IndexSettings;
import dev.lookalike.tools.catalogue.LuceneItemSink;
import dev.lookalike.tools.catalogue.OpenSearchBulkWriter;
import dev.lookalike.tools.catalogue.SolrJsonWriter;
import dev.lookalike.tools.cli.ErrorReporter;
import dev.lookalike.tools.cli.ModelOptions;
import dev.lookalike.tools.cli.Progress;
import dev.lookalike.tools.cli.SkipReport;
import dev.lookalike.tools.cli.VectorFieldOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lookalike index}: reads a catalogue, embeds its images and writes them into a Lucene index (or an
 * OpenSearch bulk file, or a Solr JSON update file); or, with {@code --delete}, removes items by id. Exit codes: 0 when every line and
 * image went in (every id was deleted), 1 when some were skipped (some ids were not in the index), 2 for bad
 * options or an unreadable catalogue.
 */
@Command(name = "index", mixinStandardHelpOptions = true,
        description = {"Embed a catalogue's images and write them into a Lucene index, replacing items by id;"
                + " or write an OpenSearch bulk file or a Solr JSON update file; or delete items by id.",
            "Bad catalogue lines and unreadable images are listed on stderr and skipped (exit code 1); the rest"
                + " are indexed. Commits every --commit-every items, so a crash keeps what was committed.",
            "Examples:",
            "  lookalike index --catalogue cat/catalogue.jsonl --index idx",
            "  lookalike index --catalogue cat/catalogue.jsonl --index products --format opensearch-bulk --out bulk.ndjson",
            "  lookalike index --catalogue cat/catalogue.jsonl --index products --format solr --out products.json",
            "  lookalike index --index idx --delete test-00001 test-00002"})
public final class IndexCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format {
        /** A Lucene index folder, searchable with {@code lookalike search}. */
        LUCENE,
        /** An OpenSearch {@code _bulk} request body. */
        OPENSEARCH_BULK,
        /** A Solr JSON update request body. */
        SOLR
    }

    /** Items embedded and handed to the index at once. */
    static final int CHUNK = 1024;

    @Spec
    CommandSpec spec;

    @Mixin
    ModelOptions model;

    @Option(names = "--catalogue", paramLabel = "FILE",
            description = "The catalogue: JSON Lines, one item a line, image paths relative to its folder.")
    Path catalogue;

    @Option(names = "--index", required = true, paramLabel = "DIR|NAME",
            description = {"The Lucene index folder (created if missing, else items are replaced by id).",
                "With --format opensearch-bulk: the OpenSearch index name of every action;",
                "with --format solr: the collection the file is for."})
    String index;

    @Option(names = "--delete", arity = "1..*", paramLabel = "ID",
            description = "Delete these item ids from the Lucene index instead of indexing.")
    List<String> delete;

    @Mixin
    VectorFieldOptions vectorField;

    @Option(names = "--format", defaultValue = "lucene", paramLabel = "lucene|opensearch-bulk|solr",
            description = "What to write. Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--out", paramLabel = "FILE",
            description = "The file to write; required with --format opensearch-bulk or solr, refused otherwise.")
    Path out;

    @Option(names = "--commit-every", defaultValue = "100000", paramLabel = "N",
            description = {"Commit the Lucene index after every N items (and at the end). Each commit ends a segment,",
                "and merging segments of an index sorted by category costs the graph recall, so the default",
                "keeps a catalogue of up to N items in one segment. Default: ${DEFAULT-VALUE}."})
    int commitEvery;

    @Override
    public Integer call() throws IOException {
        Format chosen = format();
        if (delete != null) {
            if (catalogue != null || chosen != Format.LUCENE) {
                throw bad("--delete works on a Lucene index alone; leave out --catalogue and --format");
            }
            return delete(Path.of(index));
        }
        if (catalogue == null) {
            throw bad("give --catalogue FILE to index, or --delete ID... to delete");
        }
        if ((chosen != Format.LUCENE) != (out != null)) {
            throw bad(out == null ? "--format " + format + " needs --out FILE"
                    : "--out is only for --format opensearch-bulk or solr; the Lucene index goes to --index");
        }
        vectorField.validate();
        if (commitEvery < 1) {
            throw bad("--commit-every must be at least 1, got " + commitEvery);
        }
        return build(chosen);
    }

    private int build(Format chosen) throws IOException {
        Catalogue read = new CatalogueReader(catalogue).readAll();
        PrintWriter err = spec.commandLine().getErr();
        read.errors().forEach(e -> err.println("lookalike index: skipped " + e.getMessage()));
        ModelBundle bundle = model.bundle();
        IndexSettings settings = vectorField.settings(bundle.spec().embeddingSize());
        List<BatchEmbedding.Skipped> skipped;
        String written;
        try (ItemSink sink = sink(chosen, bundle, settings);
                Embedder embedder = model.embedder(bundle);
                Progress progress = new Progress("indexing", read.items().size(), "img")) {
            skipped = new CatalogueEmbedding(embedder, CHUNK).run(read.items(), sink, progress);
            sink.finish();
            written = sink.describe();
        }
        int indexed = read.items().size() - skipped.size();
        spec.commandLine().getOut().printf("%d items indexed into %s; %d catalogue line(s) and %d image(s) skipped%n",
                indexed, written, read.errors().size(), skipped.size());
        int imagesCode = SkipReport.print(skipped, err);
        return read.errors().isEmpty() && imagesCode == 0 ? 0 : 1;
    }

    private ItemSink sink(Format chosen, ModelBundle bundle, IndexSettings settings) throws IOException {
        if (chosen == Format.OPENSEARCH_BULK) {
            return new OpenSearchBulkWriter(Path.of(index).getFileName().toString(), out);
        }
        if (chosen == Format.SOLR) {
            return new SolrJsonWriter(Path.of(index).getFileName().toString(), out);
        }
        Path folder = catalogue.toAbsolutePath().normalize().getParent();
        Set<String> explicit = new HashSet<>();
        for (String option : List.of("--m", "--beam-width", "--quantize")) {
            if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
                explicit.add(option);
            }
        }
        return LuceneItemSink.open(Path.of(index), bundle, settings, explicit, folder, commitEvery);
    }

    private int delete(Path path) throws IOException {
        List<String> missing = new ArrayList<>();
        try (Directory directory = FSDirectory.open(path)) {
            if (!DirectoryReader.indexExists(directory)) {
                throw new SearchInputException("--index " + path, "holds no index to delete from");
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                for (String id : delete) {
                    if (searcher.count(KeywordField.newExactQuery(IndexSchema.ID, id)) == 0) {
                        missing.add(id);
                    }
                }
            }
            try (CatalogueIndex writer = CatalogueIndex.open(directory)) {
                for (String id : delete) {
                    writer.delete(id);
                }
                writer.commit();
            }
        }
        spec.commandLine().getOut().printf("deleted %d of %d id(s) from %s%n", delete.size() - missing.size(), delete.size(), path);
        if (!missing.isEmpty()) {
            spec.commandLine().getErr().println("lookalike index: not in the index: " + String.join(", ", missing));
            return 1;
        }
        return 0;
    }

    private Format format() {
        return switch (format) {
            case "lucene" -> Format.LUCENE;
            case "opensearch-bulk" -> Format.OPENSEARCH_BULK;
            case "solr" -> Format.SOLR;
            default -> throw bad("--format must be lucene, opensearch-bulk or solr, got '" + format + "'");
        };
    }

    /** Bad option values are bad input, reported in one line by {@link ErrorReporter} (exit code 2). */
    private static IllegalArgumentException bad(String message) {
        return new IllegalArgumentException(message);
    }
}
