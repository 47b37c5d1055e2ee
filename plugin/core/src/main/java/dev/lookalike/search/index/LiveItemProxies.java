package dev.lookalike.search.index;

import dev.lookalike.search.proxy.CategoryProxyBuilder;
import java.io.IOException;
import java.util.Set;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.SortedSetDocValues;

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
        LiveVectors.forEach(reader, leaf -> {
            SortedSetDocValues categories = leaf.getSortedSetDocValues(IndexSchema.CATEGORY);
            SortedSetDocValues ids = skipIds.isEmpty() ? null : leaf.getSortedSetDocValues(IndexSchema.ID);
            return (doc, vector) -> {
                String category = LiveVectors.keyword(categories, doc);
                if (category != null && (ids == null || !skipIds.contains(LiveVectors.keyword(ids, doc)))) {
                    builder.add(category, vector);
                }
            };
        });
    }
}
