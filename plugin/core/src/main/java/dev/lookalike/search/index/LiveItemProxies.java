package dev.lookalike.search.index;

import dev.lookalike.search.proxy.CategoryProxyBuilder;
import java.io.IOException;
import java.util.Set;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.util.Bits;

/**
 * Feeds the live items of an index into a {@link CategoryProxyBuilder}: each live document's category (from
 * doc values) and vector (from the vector field's raw floats). Costs one pass over all vectors, O(items x
 * dimension) reads, and no memory beyond the builder's.
 */
final class LiveItemProxies {

    private LiveItemProxies() {
    }

    /**
     * @param reader  the index
     * @param skipIds ids to leave out (items about to be replaced)
     * @param builder receives every other live item
     * @throws IOException if the index cannot be read
     */
    static void addLiveItems(IndexReader reader, Set<String> skipIds, CategoryProxyBuilder builder)
            throws IOException {
        for (LeafReaderContext context : reader.leaves()) {
            LeafReader leaf = context.reader();
            FloatVectorValues vectors = leaf.getFloatVectorValues(IndexSchema.VECTOR);
            if (vectors == null) {
                continue;
            }
            SortedSetDocValues categories = leaf.getSortedSetDocValues(IndexSchema.CATEGORY);
            SortedSetDocValues ids = skipIds.isEmpty() ? null : leaf.getSortedSetDocValues(IndexSchema.ID);
            Bits live = leaf.getLiveDocs();
            KnnVectorValues.DocIndexIterator it = vectors.iterator();
            for (int doc = it.nextDoc(); doc != KnnVectorValues.DocIndexIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                if (live != null && !live.get(doc)) {
                    continue;
                }
                if (ids != null && ids.advanceExact(doc)
                        && skipIds.contains(ids.lookupOrd(ids.nextOrd()).utf8ToString())) {
                    continue;
                }
                if (categories != null && categories.advanceExact(doc)) {
                    builder.add(categories.lookupOrd(categories.nextOrd()).utf8ToString(),
                            vectors.vectorValue(it.index()));
                }
            }
        }
    }
}
