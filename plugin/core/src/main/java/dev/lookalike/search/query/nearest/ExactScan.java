package dev.lookalike.search.query.nearest;

import dev.lookalike.search.index.IndexSchema;
import dev.lookalike.search.query.filter.SegmentMatches;
import java.io.IOException;
import org.apache.lucene.codecs.hnsw.FlatVectorScorerUtil;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopKnnCollector;
import org.apache.lucene.util.hnsw.RandomVectorScorer;

/**
 * The exact nearest documents of one segment among a filter's matches, scored in blocks through Lucene's flat
 * vector scorer ({@link RandomVectorScorer#bulkScore}): on the default codec with Lucene's vectorisation it
 * reads each vector from the memory-mapped file without copying it, and matches that form a run (a category
 * of a segment sorted by category) are read in one sweep. Costs O(matches x dimension).
 */
final class ExactScan {

    /** Vectors scored per bulk call: enough to amortise the call, few enough to stay in registers and L1. */
    private static final int BLOCK = 64;

    private ExactScan() {
    }

    /**
     * @param values  the segment's vectors
     * @param maxDoc  the segment's number of documents
     * @param vector  the unit query vector
     * @param count   how many documents at most
     * @param matches the documents to score
     * @return the best {@code count} of them, with the field's similarity score ({@code (1 + dot) / 2})
     * @throws IOException if the segment cannot be read
     */
    static TopDocs search(FloatVectorValues values, int maxDoc, float[] vector, int count, SegmentMatches matches)
            throws IOException {
        RandomVectorScorer scorer = FlatVectorScorerUtil.getLucene99FlatVectorsScorer()
                .getRandomVectorScorer(IndexSchema.SIMILARITY, values, vector);
        TopKnnCollector best = new TopKnnCollector(count, Integer.MAX_VALUE);
        // Documents and ordinals coincide where every document has a vector, as in every Lookalike index.
        boolean dense = values.size() == maxDoc;
        KnnVectorValues.DocIndexIterator vectors = dense ? null : values.iterator();
        int[] docs = new int[BLOCK];
        int[] ords = new int[BLOCK];
        float[] scores = new float[BLOCK];
        int n = 0;
        DocIdSetIterator it = matches.iterator();
        for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
            int ord;
            if (dense) {
                ord = doc;
            } else {
                if (vectors.docID() < doc) {
                    vectors.advance(doc);
                }
                if (vectors.docID() != doc) {
                    continue;
                }
                ord = vectors.index();
            }
            docs[n] = doc;
            ords[n++] = ord;
            if (n == BLOCK) {
                collect(scorer, docs, ords, scores, n, best);
                n = 0;
            }
        }
        collect(scorer, docs, ords, scores, n, best);
        return best.topDocs();
    }

    private static void collect(RandomVectorScorer scorer, int[] docs, int[] ords, float[] scores, int n,
            TopKnnCollector best) throws IOException {
        if (n == 0) {
            return;
        }
        scorer.bulkScore(ords, scores, n);
        for (int i = 0; i < n; i++) {
            best.collect(docs[i], scores[i]);
        }
    }
}
