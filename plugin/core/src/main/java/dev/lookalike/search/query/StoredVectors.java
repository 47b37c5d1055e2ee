package dev.lookalike.search.query;

import dev.lookalike.search.SearchInputException;
import dev.lookalike.search.index.IndexSchema;
import java.io.IOException;
import java.util.List;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;

/**
 * Reads an indexed item's vector by id, for "more like this" queries: a term lookup on the id, then the raw
 * floats of that document from the vector field. Costs one term lookup and one vector read.
 */
public final class StoredVectors {

    private StoredVectors() {
    }

    /**
     * @param searcher the searcher
     * @param id       an item id
     * @return a copy of the item's stored vector
     * @throws SearchInputException naming the id if no live item has it
     * @throws IOException          if the index cannot be read
     */
    public static float[] vectorOf(IndexSearcher searcher, String id) throws IOException {
        ScoreDoc[] hits = searcher.search(KeywordField.newExactQuery(IndexSchema.ID, id), 1).scoreDocs;
        if (hits.length == 0) {
            throw new SearchInputException("query option id", "no item '" + id + "' in the index");
        }
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(hits[0].doc, leaves));
        int doc = hits[0].doc - leaf.docBase;
        FloatVectorValues vectors = leaf.reader().getFloatVectorValues(IndexSchema.VECTOR);
        KnnVectorValues.DocIndexIterator it = vectors == null ? null : vectors.iterator();
        if (it == null || it.advance(doc) != doc) {
            throw new IllegalStateException("item " + id + " has no " + IndexSchema.VECTOR);
        }
        return vectors.vectorValue(it.index()).clone();
    }
}
