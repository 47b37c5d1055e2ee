package dev.lookalike.search.query;

import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;

/**
 * What a {@link VisualSimilarityQuery} rewrites to: fixed documents of one reader, each with its score. Valid
 * only on the reader it was computed on, which {@link #createWeight} checks. Costs O(log n) to find a
 * segment's documents and O(1) per document after that.
 */
final class ScoredDocsQuery extends Query {

    private final Object readerId;
    private final int[] docs;
    private final float[] scores;
    private final String description;

    /**
     * @param readerId    the identity of the top-level reader context the documents belong to
     * @param docs        global doc ids, ascending
     * @param scores      their scores, non-negative
     * @param description what produced them, for {@link #toString} and explanations
     */
    ScoredDocsQuery(Object readerId, int[] docs, float[] scores, String description) {
        this.readerId = readerId;
        this.docs = docs;
        this.scores = scores;
        this.description = description;
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
        if (searcher.getIndexReader().getContext().id() != readerId) {
            throw new IllegalStateException("this query was computed on another reader: " + description);
        }
        return new Weight(this) {
            @Override
            public Explanation explain(LeafReaderContext context, int doc) {
                int at = Arrays.binarySearch(docs, context.docBase + doc);
                return at < 0 ? Explanation.noMatch("not among the nearest documents")
                        : Explanation.match(scores[at] * boost, description);
            }

            @Override
            public ScorerSupplier scorerSupplier(LeafReaderContext context) {
                int from = lowerBound(context.docBase);
                int to = lowerBound(context.docBase + context.reader().maxDoc());
                return from == to ? null : new DefaultScorerSupplier(new SegmentScorer(context.docBase, from, to, boost));
            }

            @Override
            public boolean isCacheable(LeafReaderContext context) {
                return false;
            }
        };
    }

    private int lowerBound(int doc) {
        int at = Arrays.binarySearch(docs, doc);
        return at >= 0 ? at : -at - 1;
    }

    /** Walks the documents of one segment, positions {@code from} (inclusive) to {@code to} (exclusive). */
    private final class SegmentScorer extends Scorer {

        private final int docBase;
        private final int from;
        private final int to;
        private final float boost;
        private int at = -1;

        SegmentScorer(int docBase, int from, int to, float boost) {
            this.docBase = docBase;
            this.from = from;
            this.to = to;
            this.boost = boost;
        }

        @Override
        public int docID() {
            return at < 0 ? -1 : at >= to ? DocIdSetIterator.NO_MORE_DOCS : docs[at] - docBase;
        }

        @Override
        public float score() {
            return scores[at] * boost;
        }

        @Override
        public float getMaxScore(int upTo) {
            float max = 0;
            for (int i = Math.max(from, at); i < to && docs[i] - docBase <= upTo; i++) {
                max = Math.max(max, scores[i] * boost);
            }
            return max;
        }

        @Override
        public DocIdSetIterator iterator() {
            return new DocIdSetIterator() {
                @Override
                public int docID() {
                    return SegmentScorer.this.docID();
                }

                @Override
                public int nextDoc() {
                    at = at < 0 ? from : Math.min(at + 1, to);
                    return docID();
                }

                @Override
                public int advance(int target) throws IOException {
                    long global = (long) docBase + target; // NO_MORE_DOCS plus a doc base overflows an int
                    if (global > docs[to - 1]) {
                        at = to;
                    } else {
                        int i = Arrays.binarySearch(docs, Math.max(at, from), to, (int) global);
                        at = i >= 0 ? i : -i - 1;
                    }
                    return docID();
                }

                @Override
                public long cost() {
                    return to - from;
                }
            };
        }
    }

    @Override
    public void visit(QueryVisitor visitor) {
        visitor.visitLeaf(this);
    }

    @Override
    public boolean equals(Object o) {
        return sameClassAs(o) && o instanceof ScoredDocsQuery q && readerId == q.readerId
                && Arrays.equals(docs, q.docs) && Arrays.equals(scores, q.scores);
    }

    @Override
    public int hashCode() {
        return Objects.hash(classHash(), System.identityHashCode(readerId), Arrays.hashCode(docs),
                Arrays.hashCode(scores));
    }

    @Override
    public String toString(String field) {
        return description + " -> " + docs.length + " documents";
    }
}
