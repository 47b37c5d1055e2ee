package dev.lookalike.tools.report.projector;

import dev.lookalike.analyzer.dataset.SampledDataset;
import dev.lookalike.search.index.IndexSchema;
import dev.lookalike.tools.catalogue.CatalogueImages;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.util.Bits;

/**
 * Some live items of a Lookalike index that hold a vector, in index order, read whole one at a time: what
 * an export streams without holding every vector at once. Knowing the items costs one pass over the vector
 * field's documents and 4 bytes per item; reading one costs a stored-fields read and a vector read.
 * Not thread-safe; valid while its reader is open.
 */
public final class ProjectorItems {

    /** Receives the items one at a time. */
    @FunctionalInterface
    interface Visitor {
        /**
         * @param position the item's position among these items, from 0
         * @param item     the item
         * @throws IOException if what the visitor writes fails
         */
        void visit(int position, ProjectorItem item) throws IOException;
    }

    private final DirectoryReader reader;
    /** Top-level document ids, ascending. */
    private final int[] docs;

    private ProjectorItems(DirectoryReader reader, int[] docs) {
        this.reader = reader;
        this.docs = docs;
    }

    /**
     * @param reader a Lookalike index
     * @return all its live items that hold a vector
     * @throws IOException if the index cannot be read
     */
    public static ProjectorItems all(DirectoryReader reader) throws IOException {
        IntStream.Builder docs = IntStream.builder();
        for (LeafReaderContext leaf : reader.leaves()) {
            FloatVectorValues values = leaf.reader().getFloatVectorValues(IndexSchema.VECTOR);
            if (values == null) {
                continue;
            }
            Bits live = leaf.reader().getLiveDocs();
            KnnVectorValues.DocIndexIterator it = values.iterator();
            for (int doc = it.nextDoc(); doc != KnnVectorValues.DocIndexIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                if (live == null || live.get(doc)) {
                    docs.add(leaf.docBase + doc);
                }
            }
        }
        return new ProjectorItems(reader, docs.build().toArray());
    }

    /** @return how many items these are */
    public int count() {
        return docs.length;
    }

    /**
     * A seeded uniform sample without replacement, kept in index order. Costs O(count) time and memory.
     *
     * @param limit how many items to keep at most, at least 1
     * @param seed  the sample's seed
     * @return these items when there are at most {@code limit}, else {@code limit} of them
     */
    public ProjectorItems sample(int limit, long seed) {
        if (docs.length <= limit) {
            return this;
        }
        int[] picked = SampledDataset.randomIndices(docs.length, limit, seed);
        Arrays.sort(picked);
        return new ProjectorItems(reader, IntStream.of(picked).map(i -> docs[i]).toArray());
    }

    /**
     * Reads the items in index order and hands each to {@code visitor}.
     *
     * @param visitor receives the items
     * @throws IOException if the index cannot be read or the visitor fails
     */
    void forEach(Visitor visitor) throws IOException {
        List<LeafReaderContext> leaves = reader.leaves();
        LeafReaderContext leaf = null;
        FloatVectorValues vectors = null;
        KnnVectorValues.DocIndexIterator it = null;
        StoredFields stored = null;
        for (int position = 0; position < docs.length; position++) {
            LeafReaderContext next = leaves.get(ReaderUtil.subIndex(docs[position], leaves));
            if (next != leaf) {
                leaf = next;
                vectors = leaf.reader().getFloatVectorValues(IndexSchema.VECTOR);
                it = vectors.iterator();
                stored = leaf.reader().storedFields();
            }
            int doc = docs[position] - leaf.docBase;
            if (it.advance(doc) != doc) {
                throw new IllegalStateException("document " + docs[position] + " lost its " + IndexSchema.VECTOR);
            }
            Document document = stored.document(doc);
            visitor.visit(position, new ProjectorItem(document.get(IndexSchema.ID), document.get(IndexSchema.CATEGORY),
                    document.get(IndexSchema.PROXY_CATEGORY), document.get(IndexSchema.TITLE),
                    CatalogueImages.file(document), vectors.vectorValue(it.index()).clone()));
        }
    }
}
