package dev.lookalike.tools;

import dev.lookalike.search.index.IndexSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.util.Bits;

/**
 * The vectors and categories of an index's live items that have a category, read from the vector field and
 * the category doc values (no stored fields): what a picture of the embedding needs. Costs one pass over the
 * vectors and memory for all of them.
 *
 * @param vectors    the vectors, in index order
 * @param labels     each vector's category, as an index into {@code categories}
 * @param categories the categories, in order of first appearance
 */
record IndexedVectors(float[][] vectors, int[] labels, List<String> categories) {

    /**
     * @param reader the index
     * @return its categorised vectors
     * @throws IOException if the index cannot be read
     */
    static IndexedVectors read(DirectoryReader reader) throws IOException {
        List<float[]> vectors = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        Map<String, Integer> labelOf = new LinkedHashMap<>();
        for (LeafReaderContext leaf : reader.leaves()) {
            FloatVectorValues values = leaf.reader().getFloatVectorValues(IndexSchema.VECTOR);
            SortedSetDocValues categories = leaf.reader().getSortedSetDocValues(IndexSchema.CATEGORY);
            if (values == null || categories == null) {
                continue;
            }
            Bits live = leaf.reader().getLiveDocs();
            KnnVectorValues.DocIndexIterator it = values.iterator();
            for (int doc = it.nextDoc(); doc != KnnVectorValues.DocIndexIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                if ((live == null || live.get(doc)) && categories.advanceExact(doc)) {
                    String category = categories.lookupOrd(categories.nextOrd()).utf8ToString();
                    labels.add(labelOf.computeIfAbsent(category, c -> labelOf.size()));
                    vectors.add(values.vectorValue(it.index()).clone());
                }
            }
        }
        return new IndexedVectors(vectors.toArray(float[][]::new), labels.stream().mapToInt(Integer::intValue).toArray(),
                List.copyOf(labelOf.keySet()));
    }
}
