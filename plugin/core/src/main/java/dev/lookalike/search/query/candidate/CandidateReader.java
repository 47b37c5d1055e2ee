package dev.lookalike.search.query.candidate;

import dev.lookalike.search.proxy.IndexProxies;
import dev.lookalike.search.proxy.ProxyAssignment;
import dev.lookalike.search.proxy.StoredDistribution;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;

/**
 * Reads what scoring needs for each candidate, walking the candidates in doc order through the segments:
 * the exact cosine from the stored raw vector unless the search already knew it exactly (so quantization never
 * distorts the reported similarity, and a walk over raw vectors costs no second read), the
 * item's category distribution (from its catalogue categories when it has one the proxies know, by
 * {@link CatalogueCategories}; else the model's, stored when it was computed with the same proxies and
 * temperature, else recomputed from the vector) and the exact BM25 score. Costs O(dimension) per candidate,
 * plus O(categories x dimension) for each recomputed distribution.
 */
public final class CandidateReader {

    private final IndexSearcher searcher;
    private final CandidateFields fields;
    private final IndexProxies proxies;
    private final Float temperature;

    /**
     * @param searcher    the searcher
     * @param fields      the fields to read
     * @param proxies     the index's proxies, or {@code null} to read no distributions
     * @param temperature the temperature of the model's distributions
     */
    public CandidateReader(IndexSearcher searcher, CandidateFields fields, IndexProxies proxies, Float temperature) {
        this.searcher = searcher;
        this.fields = fields;
        this.proxies = proxies;
        this.temperature = temperature;
    }

    /**
     * @param candidates candidates sorted by doc id, without repeats
     * @param query      the unit query vector
     * @param textWeight the text query's weight for exact BM25 scores, or {@code null}
     * @throws IOException if the index cannot be read
     */
    public void read(List<Candidate> candidates, float[] query, Weight textWeight) throws IOException {
        Map<String, Integer> positions = proxies == null || fields.category() == null ? null
                : CatalogueCategories.positions(proxies);
        int i = 0;
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            int end = leaf.docBase + leaf.reader().maxDoc();
            if (i >= candidates.size() || candidates.get(i).doc >= end) {
                continue;
            }
            FloatVectorValues vectors = leaf.reader().getFloatVectorValues(fields.vector());
            if (vectors == null) {
                throw new IllegalStateException("segment " + leaf.ord + " has no vector field " + fields.vector());
            }
            KnnVectorValues.DocIndexIterator vectorDocs = vectors.iterator();
            BinaryDocValues stored = proxies == null || fields.storedDistribution() == null ? null
                    : leaf.reader().getBinaryDocValues(fields.storedDistribution());
            CatalogueCategories categories = positions == null ? null
                    : CatalogueCategories.of(leaf.reader(), fields.category(), positions);
            Scorer scorer = textWeight == null ? null : textWeight.scorer(leaf);
            DocIdSetIterator textDocs = scorer == null ? null : scorer.iterator();
            for (; i < candidates.size() && candidates.get(i).doc < end; i++) {
                Candidate c = candidates.get(i);
                int doc = c.doc - leaf.docBase;
                if (vectorDocs.docID() < doc) {
                    vectorDocs.advance(doc);
                }
                if (vectorDocs.docID() != doc) {
                    throw new IllegalStateException("document " + c.doc + " has no " + fields.vector());
                }
                float[] vector = null;
                if (Double.isNaN(c.similarity)) {
                    vector = vectors.vectorValue(vectorDocs.index());
                    c.similarity = dot(query, vector);
                }
                if (proxies != null) {
                    float[] catalogue = categories == null ? null
                            : categories.distribution(doc, proxies.proxies().size());
                    c.distribution = catalogue != null ? catalogue
                            : distribution(stored, doc, vectors, vectorDocs.index(), vector);
                }
                if (textDocs != null && textDocs.docID() < doc) {
                    textDocs.advance(doc);
                }
                c.bm25 = textDocs != null && textDocs.docID() == doc ? scorer.score() : 0;
            }
        }
    }

    private float[] distribution(BinaryDocValues stored, int doc, FloatVectorValues vectors, int ord, float[] vector)
            throws IOException {
        if (stored != null && temperature == proxies.temperature() && stored.advanceExact(doc)
                && StoredDistribution.generation(stored.binaryValue()) == proxies.generation()) {
            return StoredDistribution.distribution(stored.binaryValue());
        }
        float[] read = vector != null ? vector : vectors.vectorValue(ord);
        return ProxyAssignment.of(proxies, read, temperature).distribution();
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (double) a[i] * b[i];
        }
        return sum;
    }
}
