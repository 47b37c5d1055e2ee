package dev.lookalike.opensearch.query;

import dev.lookalike.search.query.VisualSimilarityQuery;
import java.io.IOException;
import java.util.Objects;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;

/**
 * The core's {@link VisualSimilarityQuery} as one shard runs it: the search happens when a scorer or an
 * explanation is first asked for, once per query instance and reader, instead of in {@code rewrite}.
 *
 * <p>Why: OpenSearch rewrites the whole query every time it builds a search context on a shard, and it builds one
 * for the query phase and another for the fetch phase of every request that reaches more than one shard (and one
 * more for the DFS phase of {@code dfs_query_then_fetch}). Lucene's kNN queries, and the core's query after
 * them, do their work in {@code rewrite}, so every request paid the search twice or three times; the fetch phase
 * only loads stored fields and highlights, and needs no scores. The OpenSearch k-NN plug-in moved its Lucene
 * engine's search out of {@code rewrite} for the same reason (opensearch-project/k-NN#2115). Here
 * {@code rewrite} returns the query itself, {@code createWeight} is free, and the first
 * {@link Weight#scorerSupplier} or {@link Weight#explain} runs the search, which every later weight of the same
 * instance on the same reader reuses (segments searched concurrently wait for that one search). A fetch phase
 * that asks for {@code explain} or matched {@code _name}s still searches once more, in its own context.
 *
 * <p>Equal to another such query exactly when the core queries are equal; the kept result takes no part in
 * equality. Never cached by Lucene's query cache: the documents chosen in one segment depend on the others.
 */
final class ShardSimilarityQuery extends Query {

    private final VisualSimilarityQuery similarity;
    private final SimilaritySearchStats stats;
    private final Object lock = new Object();
    /** The reader context the kept result belongs to; guarded by {@link #lock}. */
    private Object readerId;
    /** The core query's rewritten form on that reader; guarded by {@link #lock}. */
    private Query found;

    /**
     * @param similarity the core query to run
     * @param stats      the node's figures, which count each search
     */
    ShardSimilarityQuery(VisualSimilarityQuery similarity, SimilaritySearchStats stats) {
        this.similarity = Objects.requireNonNull(similarity, "similarity");
        this.stats = Objects.requireNonNull(stats, "stats");
    }

    /** @return the core query */
    VisualSimilarityQuery similarity() {
        return similarity;
    }

    /** Returns this query: the search waits for a scorer, so that rewriting it again costs nothing. */
    @Override
    public Query rewrite(IndexSearcher searcher) {
        return this;
    }

    /** Free: the search runs when the weight's first scorer or explanation is asked for. */
    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
        return new Weight(this) {
            private volatile Weight delegate;

            private Weight delegate() throws IOException {
                Weight d = delegate;
                if (d == null) {
                    synchronized (this) {
                        d = delegate;
                        if (d == null) {
                            d = found(searcher).createWeight(searcher, scoreMode, boost);
                            delegate = d;
                        }
                    }
                }
                return d;
            }

            @Override
            public Explanation explain(LeafReaderContext context, int doc) throws IOException {
                return delegate().explain(context, doc);
            }

            @Override
            public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
                return delegate().scorerSupplier(context);
            }

            @Override
            public Matches matches(LeafReaderContext context, int doc) throws IOException {
                return delegate().matches(context, doc);
            }

            @Override
            public int count(LeafReaderContext context) throws IOException {
                return delegate().count(context);
            }

            @Override
            public boolean isCacheable(LeafReaderContext context) {
                return false;
            }
        };
    }

    /** Runs the search on the searcher's reader unless this instance already did; O(1) when it did. */
    private Query found(IndexSearcher searcher) throws IOException {
        Object id = searcher.getIndexReader().getContext().id();
        synchronized (lock) {
            if (found == null || readerId != id) {
                found = similarity.rewrite(searcher);
                readerId = id;
                stats.recordSearch();
            }
            return found;
        }
    }

    @Override
    public void visit(QueryVisitor visitor) {
        if (visitor.acceptField(similarity.field())) {
            visitor.visitLeaf(this);
        }
    }

    @Override
    public boolean equals(Object o) {
        return sameClassAs(o) && similarity.equals(((ShardSimilarityQuery) o).similarity);
    }

    @Override
    public int hashCode() {
        return 31 * classHash() + similarity.hashCode();
    }

    @Override
    public String toString(String defaultField) {
        return similarity.toString(defaultField);
    }
}
