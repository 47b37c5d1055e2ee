package dev.lookalike.search.index;

import java.io.IOException;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.util.Bits;

/**
 * The one walk over an index's live items and their raw vectors (deleted documents skipped), for everything
 * that must see every item: proxy recomputation, stale assignments, exports and pictures. Costs one pass over
 * the vectors, O(items x dimension) reads.
 */
public final class LiveVectors {

    private LiveVectors() {
    }

    /** Prepares the walk of one segment, e.g. by opening its doc values. */
    @FunctionalInterface
    public interface LeafVisitor {
        /**
         * @param leaf the segment
         * @return what visits its live items
         * @throws IOException if the segment cannot be read
         */
        ItemVisitor open(LeafReader leaf) throws IOException;
    }

    /** Visits one live item of a segment. */
    @FunctionalInterface
    public interface ItemVisitor {
        /**
         * @param doc    the item's document id in its segment
         * @param vector its vector, valid only during the call (Lucene reuses the array): clone it to keep it
         * @throws IOException if the segment cannot be read
         */
        void visit(int doc, float[] vector) throws IOException;
    }

    /**
     * @param reader  the index
     * @param visitor called once per segment that has vectors, then once per live item of it, in doc order
     * @throws IOException if the index cannot be read
     */
    public static void forEach(IndexReader reader, LeafVisitor visitor) throws IOException {
        for (LeafReaderContext context : reader.leaves()) {
            LeafReader leaf = context.reader();
            FloatVectorValues vectors = leaf.getFloatVectorValues(IndexSchema.VECTOR);
            if (vectors == null) {
                continue;
            }
            ItemVisitor items = visitor.open(leaf);
            Bits live = leaf.getLiveDocs();
            KnnVectorValues.DocIndexIterator it = vectors.iterator();
            for (int doc = it.nextDoc(); doc != KnnVectorValues.DocIndexIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                if (live == null || live.get(doc)) {
                    items.visit(doc, vectors.vectorValue(it.index()));
                }
            }
        }
    }

    /**
     * @param values a keyword field's sorted-set doc values in a segment, or {@code null} when none has it
     * @param doc    a document of that segment, visited in increasing order
     * @return the document's (first) value of the field, or {@code null}
     * @throws IOException if the segment cannot be read
     */
    public static String keyword(SortedSetDocValues values, int doc) throws IOException {
        return values != null && values.advanceExact(doc) ? values.lookupOrd(values.nextOrd()).utf8ToString() : null;
    }
}
