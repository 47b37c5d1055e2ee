package dev.lookalike.tools.report;

import dev.lookalike.search.index.IndexSchema;
import dev.lookalike.search.index.LiveVectors;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.SortedSetDocValues;

/**
 * The vectors and categories of an index's live items that have a category, read from the vector field and
 * the category doc values (no stored fields): what a picture of the embedding needs. Costs one pass over the
 * vectors and memory for all of them.
 *
 * @param vectors    the vectors, in index order
 * @param labels     each vector's category, as an index into {@code categories}
 * @param categories the categories, in order of first appearance
 */
public record IndexedVectors(float[][] vectors, int[] labels, List<String> categories) {

    /**
     * @param reader the index
     * @return its categorised vectors
     * @throws IOException if the index cannot be read
     */
    public static IndexedVectors read(DirectoryReader reader) throws IOException {
        List<float[]> vectors = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        Map<String, Integer> labelOf = new LinkedHashMap<>();
        LiveVectors.forEach(reader, leaf -> {
            SortedSetDocValues categories = leaf.getSortedSetDocValues(IndexSchema.CATEGORY);
            return (doc, vector) -> {
                String category = LiveVectors.keyword(categories, doc);
                if (category != null) {
                    labels.add(labelOf.computeIfAbsent(category, c -> labelOf.size()));
                    vectors.add(vector.clone());
                }
            };
        });
        return new IndexedVectors(vectors.toArray(float[][]::new), labels.stream().mapToInt(Integer::intValue).toArray(),
                List.copyOf(labelOf.keySet()));
    }
}
