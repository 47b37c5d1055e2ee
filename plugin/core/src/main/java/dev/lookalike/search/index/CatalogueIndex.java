package dev.lookalike.search.index;

import dev.lookalike.search.SearchInputException;
import dev.lookalike.search.proxy.CategoryProxyBuilder;
import dev.lookalike.search.proxy.IndexProxies;
import dev.lookalike.search.proxy.ProxyAssignment;
import java.io.Closeable;
import java.io.IOException;
import java.lang.System.Logger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.ConcurrentMergeScheduler;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.Directory;

/**
 * Writes catalogue items into a Lucene index by id: {@link #put} adds or replaces, {@link #delete} removes,
 * {@link #commit} makes the changes durable together with the index's {@link IndexMetadata}. Until a commit,
 * changes are invisible to readers opened on the directory, and {@link #close} (or a crash) discards them:
 * Lucene writes a new commit before deleting the old one, so the last commit always stays readable.
 *
 * <p>Category proxies: every item is stored with its proxy assignment (predicted category and distribution)
 * under the current proxies. {@link #commit} recomputes the proxies from all live items and, if they changed
 * (a category appeared or disappeared, an unseen category's mean moved), stores them under a new generation
 * and rewrites the items whose predicted category changed, so that filters on
 * {@value IndexSchema#PROXY_CATEGORY} stay true; other items keep the distribution of their older generation,
 * which the searcher recomputes from their vector, so re-ranking stays exact. {@link #putAll} recomputes the
 * proxies before writing only when its batch brings a new category, so that a bulk load in batches costs
 * time linear in its size, and its items are assigned knowing every category they bring.
 *
 * <p>An index whose settings say {@link IndexSettings#sortedByCategory()} is written with Lucene's index sort
 * {@link IndexSchema#categorySort()}: each segment keeps every category in one run of doc ids, which costs a
 * sort of each flushed segment (its documents, doc values and vectors are rewritten in the new order) and
 * makes category filters doc-id ranges at search time. An index built before sorting existed stays unsorted:
 * Lucene cannot add a sort to existing segments, so {@link #open} logs, and {@link #sortNotice()} returns,
 * how to rebuild it sorted.
 *
 * <p>Merges run on a {@link ConcurrentMergeScheduler}; HNSW graphs of large merges are built by
 * {@link IndexSettings#mergeWorkers()} threads. Thread-safe: calls are serialised.
 */
public final class CatalogueIndex implements Closeable {

    private static final Logger LOG = System.getLogger(CatalogueIndex.class.getName());

    /** How far a recomputed proxy part may move before the proxies count as changed. */
    static final double PROXY_TOLERANCE = 1e-6;

    private final IndexWriter writer;
    private final Analyzer analyzer;
    private final IndexSchema schema;
    private IndexMetadata metadata;
    /** The proxy generation the stored assignments were last checked against; -1 before the first commit. */
    private long reassignedGeneration = -1;

    private CatalogueIndex(Directory directory, IndexMetadata metadata, IndexWriterConfig.OpenMode mode)
            throws IOException {
        this.metadata = metadata;
        this.schema = new IndexSchema(metadata.settings());
        this.analyzer = IndexSchema.newAnalyzer();
        IndexWriterConfig config = new IndexWriterConfig(analyzer)
                .setOpenMode(mode)
                .setCodec(new LookalikeCodec(metadata.settings()))
                .setMergeScheduler(new ConcurrentMergeScheduler())
                .setRAMBufferSizeMB(indexingBufferMb(Runtime.getRuntime().maxMemory()))
                .setCommitOnClose(false);
        if (metadata.settings().sortedByCategory()) {
            config.setIndexSort(IndexSchema.categorySort());
        }
        IndexWriter opened;
        try {
            opened = new IndexWriter(directory, config);
        } catch (IOException | RuntimeException e) {
            analyzer.close();
            throw e;
        }
        this.writer = opened;
    }

    /**
     * The indexing buffer for a heap of the given size: a quarter of the heap, at least Lucene's default
     * (16 MB) and at most 1,900 MB (below Lucene's per-thread limit of 1,945 MB, above which it flushes anyway).
     *
     * <p>Why so large: a segment's HNSW graph is built while its documents are buffered, in the order they were
     * added, and the graph of a merge starts from the largest segment's graph and inserts the other segments'
     * vectors in the merged segment's document order. In an index sorted by category that order is one
     * category's tight cluster after another, and a graph built that way links few neighbours across
     * categories (unfiltered recall@10 stayed near 0.95 at 100,000 vectors however many candidates were
     * searched). A buffer that holds the whole build makes one segment, whose graph is built in the order the
     * catalogue came in, before the segment is sorted; it also spares the build the merges' re-insertions.
     * About 1 KB of buffer holds one 64-d item with its graph and fields.
     *
     * @param maxHeapBytes the JVM's maximum heap
     * @return the buffer size in MB
     */
    static double indexingBufferMb(long maxHeapBytes) {
        double quarter = maxHeapBytes / 4.0 / (1024 * 1024);
        return Math.max(IndexWriterConfig.DEFAULT_RAM_BUFFER_SIZE_MB, Math.min(1_900, quarter));
    }

    /**
     * Creates a new index and commits it empty with its metadata.
     *
     * @param directory where the index goes; must hold no index
     * @param metadata  the settings and model proxies, e.g. from {@link IndexMetadata#create}
     * @return the open index
     * @throws SearchInputException if the directory already holds an index
     * @throws IOException          if the directory cannot be written
     */
    public static CatalogueIndex create(Directory directory, IndexMetadata metadata) throws IOException {
        if (DirectoryReader.indexExists(directory)) {
            throw new SearchInputException("index " + directory, "already exists; open it or delete it first");
        }
        CatalogueIndex index = new CatalogueIndex(directory, metadata, IndexWriterConfig.OpenMode.CREATE);
        index.commit();
        return index;
    }

    /**
     * Opens an existing index for writing, with the metadata of its last commit.
     *
     * @param directory the index's directory
     * @return the open index
     * @throws SearchInputException if there is no Lookalike index there
     * @throws IOException          if it cannot be read or locked
     */
    public static CatalogueIndex open(Directory directory) throws IOException {
        if (!DirectoryReader.indexExists(directory)) {
            throw new SearchInputException("index " + directory, "does not exist; create it first");
        }
        IndexMetadata metadata;
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            metadata = IndexMetadata.read(reader);
        }
        CatalogueIndex index = new CatalogueIndex(directory, metadata, IndexWriterConfig.OpenMode.APPEND);
        String notice = index.sortNotice();
        if (notice != null) {
            LOG.log(Logger.Level.WARNING, "index " + directory + ": " + notice);
        }
        return index;
    }

    /**
     * Says how to rebuild an index that is not sorted by category, which searches with category filters more
     * slowly (each match's vector read from a scattered position instead of one contiguous run).
     *
     * @return {@code null} when the index is sorted by category, else the advice
     */
    public String sortNotice() {
        return metadata().settings().sortedByCategory() ? null
                : "is not sorted by category (it was built before indices were sorted, or with"
                        + " --no-sort-by-category) and stays so, which makes category"
                        + " filters slower; to rebuild it sorted, index the catalogue again into a new folder"
                        + " (lookalike index --index <new folder>) and search that one";
    }

    /** @return the metadata as of the last commit, or as {@link #putAll} last updated its proxies */
    public synchronized IndexMetadata metadata() {
        return metadata;
    }

    /** @return the schema items are checked against */
    public IndexSchema schema() {
        return schema;
    }

    /**
     * Adds an item, or replaces the item with the same id, assigning it under the current proxies. Costs one
     * HNSW insertion (O(beamWidth x log n) distance computations) when the buffer is flushed.
     *
     * @param item the item
     * @throws SearchInputException naming the item id and field if the item is invalid; nothing is written
     * @throws IOException          if the index cannot be written
     */
    public synchronized void put(IndexedItem item) throws IOException {
        Document doc = document(item);
        writer.updateDocument(new Term(IndexSchema.ID, item.id()), doc);
    }

    /**
     * Adds or replaces a batch of items. When the batch brings a category that has no proxy yet, the proxies
     * are first recomputed from the index's other live items and the batch, so that the new category's items
     * are stored with an assignment that knows it; otherwise the current proxies serve, and {@link #commit}
     * settles any drift (an unseen category's mean moving as items arrive). All items are checked before any
     * is written. Costs one {@link #put} per item, plus a pass over the index's vectors when a category is
     * new: a bulk load in batches stays linear in its size.
     *
     * @param items the items; a later item replaces an earlier one with the same id
     * @throws SearchInputException naming the first invalid item and field; nothing is written then
     * @throws IOException          if the index cannot be read or written
     */
    public synchronized void putAll(Collection<IndexedItem> items) throws IOException {
        Set<String> ids = new HashSet<>();
        for (IndexedItem item : items) {
            ids.add(schema.validate(item));
        }
        List<IndexedItem> latest = new ArrayList<>(latestPerId(items));
        IndexProxies current = metadata.proxies();
        boolean newCategory = latest.stream()
                .anyMatch(item -> item.category() != null && current.proxy(item.category()) == null);
        if (newCategory) {
            CategoryProxyBuilder builder = proxyBuilder();
            try (DirectoryReader reader = DirectoryReader.open(writer)) {
                LiveItemProxies.addLiveItems(reader, ids, builder);
            }
            latest.forEach(item -> builder.add(item.category(), item.vector()));
            adopt(builder);
        }
        for (IndexedItem item : latest) {
            writer.updateDocument(new Term(IndexSchema.ID, item.id()), document(item));
        }
    }

    /**
     * Deletes the item with this id, if there is one.
     *
     * @param id the id
     * @throws SearchInputException if the id is missing or empty
     * @throws IOException          if the index cannot be written
     */
    public synchronized void delete(String id) throws IOException {
        if (id == null || id.isBlank()) {
            throw new SearchInputException("delete field " + IndexSchema.ID, "is missing or empty");
        }
        writer.deleteDocuments(new Term(IndexSchema.ID, id));
    }

    /**
     * Recomputes the proxies from the live items, rewrites the items whose predicted category the new proxies
     * change, and commits every change since the last commit together with the metadata. Costs a pass over all
     * vectors, a second one when the proxies changed since the last commit (plus one HNSW insertion per
     * rewritten item), and Lucene's commit (flush and fsync).
     *
     * @throws IOException if the index cannot be read or written; the previous commit then stays in place
     */
    public synchronized void commit() throws IOException {
        CategoryProxyBuilder builder = proxyBuilder();
        try (DirectoryReader reader = DirectoryReader.open(writer)) {
            LiveItemProxies.addLiveItems(reader, Set.of(), builder);
        }
        adopt(builder);
        if (metadata.proxies().generation() != reassignedGeneration) {
            List<IndexedItem> stale;
            try (DirectoryReader reader = DirectoryReader.open(writer)) {
                stale = StaleAssignments.find(reader, metadata.proxies());
            }
            for (IndexedItem item : stale) {
                writer.updateDocument(new Term(IndexSchema.ID, item.id()), document(item));
            }
            reassignedGeneration = metadata.proxies().generation();
        }
        writer.setLiveCommitData(metadata.toUserData().entrySet());
        writer.commit();
    }

    /**
     * Merges the index down to at most {@code maxSegments} segments and waits for the merges, e.g. once after a
     * bulk load of an index that will mostly be searched: a search then walks one HNSW graph instead of one per
     * segment. Costs rebuilding the merged graphs (Lucene inserts the vectors of the smaller segments into the
     * largest one's graph) on {@link IndexSettings#mergeWorkers()} threads, and disk for the old and the new
     * segments until the next {@link #commit}, which makes the merge durable and visible to new readers.
     *
     * @param maxSegments how many segments may remain, at least 1
     * @throws SearchInputException if {@code maxSegments} is below 1
     * @throws IOException          if the index cannot be read or written
     */
    public synchronized void forceMerge(int maxSegments) throws IOException {
        if (maxSegments < 1) {
            throw new SearchInputException("force merge max segments", "must be at least 1, got " + maxSegments);
        }
        writer.forceMerge(maxSegments);
    }

    /**
     * Closes the index, discarding changes since the last commit, and waits for running merges.
     *
     * @throws IOException if closing fails
     */
    @Override
    public synchronized void close() throws IOException {
        try {
            writer.close();
        } finally {
            analyzer.close();
        }
    }

    private Document document(IndexedItem item) {
        schema.validate(item);
        IndexProxies proxies = metadata.proxies();
        return schema.document(item, proxies.isEmpty() ? null : ProxyAssignment.of(proxies, item.vector()));
    }

    private CategoryProxyBuilder proxyBuilder() {
        return new CategoryProxyBuilder(metadata.modelProxies(), metadata.proxies().temperature());
    }

    private void adopt(CategoryProxyBuilder builder) {
        IndexProxies current = metadata.proxies();
        IndexProxies recomputed = builder.build(current.generation() + 1);
        if (!recomputed.sameAs(current, PROXY_TOLERANCE)) {
            metadata = metadata.withProxies(recomputed);
        }
    }

    private static Collection<IndexedItem> latestPerId(Collection<IndexedItem> items) {
        LinkedHashMap<String, IndexedItem> byId = new LinkedHashMap<>();
        items.forEach(item -> byId.put(item.id(), item));
        return byId.values();
    }
}
