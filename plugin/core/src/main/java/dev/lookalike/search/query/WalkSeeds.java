package dev.lookalike.search.query;

import java.io.IOException;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BitSetIterator;
import org.apache.lucene.util.FixedBitSet;

/**
 * Entry points inside a filter for an HNSW walk ({@link SearchStrategy#SEEDED}): a sample of the filter's matches
 * spread over the doc ids it covers, scored exactly against the query, of which the best few are where the walk
 * starts. A walk entered from the top of the graph begins near the query, among nodes the filter drops when it
 * keeps another part of the catalogue (the query's category is not the one asked for); entered from the filter's
 * own best nodes, it walks among matches from its first step, as in a graph of the matches alone. Costs
 * {@value #SAMPLE} dot products and a scan of that many documents' iterators.
 */
final class WalkSeeds {

    /** Matches sampled and scored. */
    static final int SAMPLE = 256;
    /** Of those, the best, where the walk starts. */
    static final int ENTRY_POINTS = 8;

    private WalkSeeds() {
    }

    /**
     * @param values  the segment's vectors
     * @param maxDoc  the segment's number of documents
     * @param vector  the unit query vector
     * @param matches the filter's matches in the segment
     * @return the entry points, in doc order, or {@code null} when the filter keeps nothing
     * @throws IOException if the segment cannot be read
     */
    static DocIdSetIterator of(FloatVectorValues values, int maxDoc, float[] vector, SegmentMatches matches)
            throws IOException {
        int[] sample = matches.spread(SAMPLE);
        if (sample.length == 0) {
            return null;
        }
        FixedBitSet sampled = new FixedBitSet(maxDoc);
        for (int doc : sample) {
            sampled.set(doc);
        }
        TopDocs best = ExactScan.search(values, maxDoc, vector, ENTRY_POINTS,
                new SegmentMatches(maxDoc, null, null, sampled, null, null, sample.length, 1));
        FixedBitSet seeds = new FixedBitSet(maxDoc);
        for (ScoreDoc hit : best.scoreDocs) {
            seeds.set(hit.doc);
        }
        return new BitSetIterator(seeds, best.scoreDocs.length);
    }
}
