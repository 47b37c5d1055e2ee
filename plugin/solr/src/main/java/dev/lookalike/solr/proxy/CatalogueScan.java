package dev.lookalike.solr.proxy;

import dev.lookalike.search.SearchInputException;
import dev.lookalike.search.UnitVectors;
import dev.lookalike.search.proxy.CategoryProxyBuilder;
import dev.lookalike.solr.node.SolrErrors;
import dev.lookalike.solr.search.VectorText;
import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.util.Bits;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.params.CursorMarkParams;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.apache.solr.search.SolrIndexSearcher;

/**
 * Feeds a collection's documents (vector and category) into the core's {@link CategoryProxyBuilder}: from the
 * local index on a single node (vectors from the HNSW field's raw floats, categories from doc values), or in
 * SolrCloud by paging through the whole collection with a cursor (the vector field must then be stored).
 * Documents without a vector or a category count for nothing. Costs one pass over the documents; memory
 * O(categories x dimension), plus one page of 1,000 documents in SolrCloud.
 */
final class CatalogueScan {

    private static final int PAGE = 1000;

    private CatalogueScan() {
    }

    /**
     * @return the documents counted
     * @throws IOException if the index cannot be read
     */
    static long local(SolrIndexSearcher searcher, String field, String categoryField, int dimension,
            CategoryProxyBuilder builder) throws IOException {
        long count = 0;
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            FloatVectorValues vectors = leaf.reader().getFloatVectorValues(field);
            if (vectors == null) {
                continue;
            }
            SortedSetDocValues categories = DocValues.getSortedSet(leaf.reader(), categoryField);
            Bits live = leaf.reader().getLiveDocs();
            KnnVectorValues.DocIndexIterator it = vectors.iterator();
            for (int doc = it.nextDoc(); doc != KnnVectorValues.DocIndexIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                if (live != null && !live.get(doc) || !categories.advanceExact(doc)) {
                    continue;
                }
                String category = categories.lookupOrd(categories.nextOrd()).utf8ToString();
                builder.add(category, unit(vectors.vectorValue(it.index()).clone(), field, dimension));
                count++;
            }
        }
        return count;
    }

    /**
     * @return the documents counted
     * @throws Exception if a page cannot be fetched
     */
    static long cloud(SolrClient client, String collection, String uniqueKey, String field, String categoryField,
            int dimension, CategoryProxyBuilder builder) throws Exception {
        long count = 0;
        String cursor = CursorMarkParams.CURSOR_MARK_START;
        while (true) {
            ModifiableSolrParams params = new ModifiableSolrParams().set("q", "*:*")
                    .set("fq", categoryField + ":*")
                    .set("fl", uniqueKey + "," + field + "," + categoryField).set("rows", PAGE)
                    .set("sort", uniqueKey + " asc").set(CursorMarkParams.CURSOR_MARK_PARAM, cursor);
            QueryResponse page = client.query(collection, params);
            for (SolrDocument doc : page.getResults()) {
                Object category = doc.getFirstValue(categoryField);
                String name = "document [" + doc.getFirstValue(uniqueKey) + "] field [" + field + "]";
                float[] vector = doc.getFieldValues(field) == null ? null
                        : VectorText.fromStored(List.copyOf(doc.getFieldValues(field)), name);
                if (category == null || vector == null) {
                    continue;
                }
                builder.add(category.toString(), unit(vector, name, dimension));
                count++;
            }
            String next = page.getNextCursorMark();
            if (next == null || next.equals(cursor)) {
                return count;
            }
            cursor = next;
        }
    }

    private static float[] unit(float[] vector, String name, int dimension) {
        try {
            return UnitVectors.normalised(name, vector, dimension);
        } catch (SearchInputException e) {
            throw SolrErrors.of(e);
        }
    }
}
