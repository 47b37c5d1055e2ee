package dev.lookalike.tools.catalogue;

import dev.lookalike.analyzer.model.ModelBundle;
import dev.lookalike.search.SearchInputException;
import dev.lookalike.search.catalogue.ItemSink;
import dev.lookalike.search.index.CatalogueIndex;
import dev.lookalike.search.index.IndexMetadata;
import dev.lookalike.search.index.IndexSettings;
import dev.lookalike.search.index.IndexedItem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Writes items into a Lucene index through the core's {@link CatalogueIndex}: creates the index with the
 * model's proxies when the folder holds none, or opens the existing one (which must have been built with the
 * same model) and replaces items by id. Commits every {@code commitEvery} items and at {@link #finish()}, so
 * that a crash keeps what was committed. Each item carries its catalogue's folder
 * ({@link CatalogueImages}), so that search can show its image.
 */
public final class LuceneItemSink implements ItemSink {

    private final Path path;
    private final Directory directory;
    private final CatalogueIndex index;
    private final Path catalogueFolder;
    private final int commitEvery;
    private int sinceCommit;

    private LuceneItemSink(Path path, Directory directory, CatalogueIndex index, Path catalogueFolder,
            int commitEvery) {
        this.path = path;
        this.directory = directory;
        this.index = index;
        this.catalogueFolder = catalogueFolder;
        this.commitEvery = commitEvery;
    }

    /**
     * Opens the index at {@code path}, creating it when there is none.
     *
     * @param path            the index folder
     * @param bundle          the model the items are embedded with
     * @param settings        the vector field's settings, used only when the index is created
     * @param explicitOptions  the options among {@code --m}, {@code --beam-width} and {@code --quantize} that the
     *                         user gave: for an existing index they must match its settings, which are fixed
     * @param catalogueFolder the folder of the catalogue the items come from
     * @param commitEvery     commit after this many items, at least 1
     * @return the sink; the caller closes it
     * @throws SearchInputException if the existing index was built with another model or dimension, or with
     *                              other settings than the options given
     * @throws IOException          if the folder cannot be read or written
     */
    public static LuceneItemSink open(Path path, ModelBundle bundle, IndexSettings settings, Set<String> explicitOptions,
            Path catalogueFolder, int commitEvery) throws IOException {
        Directory directory = FSDirectory.open(path);
        try {
            CatalogueIndex index;
            if (DirectoryReader.indexExists(directory)) {
                index = CatalogueIndex.open(directory);
                try {
                    requireSameModel(path, index.metadata(), bundle);
                    requireSameSettings(path, index.metadata().settings(), settings, explicitOptions);
                } catch (SearchInputException e) {
                    index.close();
                    throw e;
                }
            } else {
                index = CatalogueIndex.create(directory, IndexMetadata.forModel(bundle, settings));
            }
            return new LuceneItemSink(path, directory, index, catalogueFolder, commitEvery);
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    private static void requireSameModel(Path path, IndexMetadata metadata, ModelBundle bundle) {
        int dimension = bundle.spec().embeddingSize();
        if (!metadata.model().equals(bundle.spec().name()) || metadata.settings().dimension() != dimension) {
            throw new SearchInputException("--model " + bundle.spec().name(), "index " + path
                    + " was built with model '" + metadata.model() + "' (" + metadata.settings().dimension()
                    + "-d); this model is " + dimension + "-d '" + bundle.spec().name()
                    + "'. Use that model or a new --index folder");
        }
        ModelVersions.requireSame(metadata, bundle, "index " + path);
    }

    private static void requireSameSettings(Path path, IndexSettings stored, IndexSettings asked, Set<String> explicit) {
        Map<String, Object[]> compared = new LinkedHashMap<>();
        compared.put("--m", new Object[] {stored.hnswM(), asked.hnswM()});
        compared.put("--beam-width", new Object[] {stored.beamWidth(), asked.beamWidth()});
        compared.put("--quantize", new Object[] {stored.quantization(), asked.quantization()});
        compared.forEach((option, values) -> {
            if (explicit.contains(option) && !values[0].equals(values[1])) {
                throw new SearchInputException(option + " " + values[1].toString().toLowerCase(Locale.ROOT),
                        "index " + path + " was created with " + option + " "
                                + values[0].toString().toLowerCase(Locale.ROOT)
                                + ", and an index's vector settings cannot change; leave the option out, or build a new --index folder");
            }
        });
    }

    @Override
    public void accept(List<IndexedItem> items) throws IOException {
        index.putAll(items.stream().map(item -> CatalogueImages.withFolder(item, catalogueFolder)).toList());
        sinceCommit += items.size();
        if (sinceCommit >= commitEvery) {
            index.commit();
            sinceCommit = 0;
        }
    }

    @Override
    public void finish() throws IOException {
        index.commit();
        sinceCommit = 0;
    }

    @Override
    public String describe() throws IOException {
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            return "index " + path + " (" + reader.numDocs() + " items, model " + index.metadata().model() + ")";
        }
    }

    @Override
    public void close() throws IOException {
        try {
            index.close();
        } finally {
            directory.close();
        }
    }
}
