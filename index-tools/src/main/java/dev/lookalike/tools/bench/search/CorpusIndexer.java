package dev.lookalike.tools.bench.search;

import dev.lookalike.search.index.CatalogueIndex;
import dev.lookalike.search.index.IndexMetadata;
import dev.lookalike.search.index.IndexedItem;
import dev.lookalike.tools.bench.corpus.SyntheticCorpus;
import dev.lookalike.tools.cli.Progress;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Writes the synthetic corpus into a new index through the core's {@link CatalogueIndex}, the way a bulk load
 * does, and times it: {@link CatalogueIndex#putAll} in batches of {@value #BATCH} items, with a progress bar,
 * and a commit (which settles every item under the final proxies, as re-ranking expects of a freshly loaded
 * index); then, timed apart, a force-merge to one segment and its commit. Then sizes the index's files.
 */
public final class CorpusIndexer {

    /** Items per {@link CatalogueIndex#putAll}, as {@code lookalike index} writes them in chunks. */
    static final int BATCH = 10_000;

    private CorpusIndexer() {
    }

    /**
     * @param folder   an empty folder for the index
     * @param corpus   the items
     * @param metadata the new index's settings and model proxies
     * @param kept     whether the folder is kept after the run (its path then goes into the figures)
     * @return the build figures
     * @throws IOException if the index cannot be written
     */
    public static SearchBenchResult.Build build(Path folder, SyntheticCorpus corpus, IndexMetadata metadata, boolean kept)
            throws IOException {
        try (Directory directory = FSDirectory.open(folder)) {
            long buildNanos;
            long mergeNanos;
            int segments;
            try (CatalogueIndex index = CatalogueIndex.create(directory, metadata)) {
                long start = System.nanoTime();
                List<IndexedItem> items = corpus.items();
                try (Progress progress = new Progress("indexing", items.size(), "doc")) {
                    for (int from = 0; from < items.size(); from += BATCH) {
                        int to = Math.min(items.size(), from + BATCH);
                        index.putAll(items.subList(from, to));
                        progress.accept(to);
                    }
                }
                index.commit();
                buildNanos = System.nanoTime() - start;
                try (DirectoryReader reader = DirectoryReader.open(directory)) {
                    segments = reader.leaves().size();
                }
                start = System.nanoTime();
                index.forceMerge(1);
                index.commit();
                mergeNanos = System.nanoTime() - start;
            }
            long bytes = 0;
            for (String file : directory.listAll()) {
                bytes += directory.fileLength(file);
            }
            double buildSeconds = buildNanos / 1e9;
            return new SearchBenchResult.Build(buildSeconds, corpus.size() / buildSeconds, segments, mergeNanos / 1e9,
                    bytes, (double) bytes / corpus.size(), kept ? folder.toString() : null);
        }
    }
}
