package dev.lookalike.search.query;

import dev.lookalike.search.proxy.DistributionAgreement;
import dev.lookalike.search.proxy.ProxyAssignment;
import dev.lookalike.search.query.candidate.Candidate;
import dev.lookalike.search.query.candidate.CandidateFields;
import dev.lookalike.search.query.candidate.CandidateReader;
import dev.lookalike.search.query.filter.FilterBitSetCache;
import dev.lookalike.search.query.filter.KnnFilter;
import dev.lookalike.search.query.nearest.NearestDocuments;
import dev.lookalike.search.query.nearest.SearchStrategy;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;

/**
 * The Lucene query for visual similarity on any unit-vector field, for engine adapters whose requests run one
 * Lucene query per shard: the {@code numCandidates} nearest documents that match the filter
 * ({@link NearestDocuments}: per segment a bulk exact scan of the filter's matches, Lucene's HNSW walk with
 * the filter inside it, or its ACORN-style filtered walk, by estimated cost or as forced), each scored by its exact cosine similarity to the query, re-scored with
 * {@link ProxyRerank} when given, then the best {@code k}. The score of a document is
 * <pre>
 *   visual = rerank ? (1 − w)·similarity + w·agreement : similarity
 *   score  = (1 + visual) / 2
 * </pre>
 * with agreement the Bhattacharyya coefficient of the query's and the document's distributions over the
 * proxies' categories, exactly as {@link SimilarityQuery} scores; the shift to [0, 1] is because Lucene
 * accepts no negative score. Documents scoring under {@code minScore} are dropped. The score of a document
 * depends only on the query and the document, never on the other candidates, so results merged from several
 * shards rank the same as from one.
 *
 * <p>All the work happens in {@link #rewrite(IndexSearcher)}, which returns a query over the chosen documents
 * and their scores: O(numCandidates x log n) distance computations for a walk, O(matches x dimension) for a scan, plus O(numCandidates x
 * categories x dimension) to re-rank. Documents must hold unit vectors in {@code field}. Immutable; the query
 * vector is not copied.
 */
public final class VisualSimilarityQuery extends Query {

    private final String field;
    private final float[] vector;
    private final int k;
    private final int numCandidates;
    private final Query filter;
    private final Float minScore;
    private final ProxyRerank rerank;
    private final SearchStrategy strategy;
    private final FilterBitSetCache filterCache;

    /**
     * A query whose strategy is chosen by cost, with no bit set cache.
     *
     * @param field         the vector field
     * @param vector        the unit query vector, of the field's dimension
     * @param k             how many documents at most, 1 or more
     * @param numCandidates how many nearest documents to score, at least {@code k}
     * @param filter        a query that every result matches, or {@code null}
     * @param minScore      the smallest score a result may have, or {@code null}
     * @param rerank        how to re-rank, or {@code null} for pure similarity
     * @throws IllegalArgumentException if {@code k} or {@code numCandidates} is out of range
     */
    public VisualSimilarityQuery(String field, float[] vector, int k, int numCandidates, Query filter,
            Float minScore, ProxyRerank rerank) {
        this(field, vector, k, numCandidates, filter, minScore, rerank, SearchStrategy.AUTO, null);
    }

    /**
     * @param field         the vector field
     * @param vector        the unit query vector, of the field's dimension
     * @param k             how many documents at most, 1 or more
     * @param numCandidates how many nearest documents to score, at least {@code k}
     * @param filter        a query that every result matches, or {@code null}
     * @param minScore      the smallest score a result may have, or {@code null}
     * @param rerank        how to re-rank, or {@code null} for pure similarity
     * @param strategy      how the nearest documents are found ({@link SimilarityQuery#strategy()})
     * @param filterCache   where the filter's term bit sets are kept between queries (one per node or core,
     *                      shared by its queries), or {@code null} to build them for every query; not part of
     *                      the query's value
     * @throws IllegalArgumentException if {@code k} or {@code numCandidates} is out of range
     */
    public VisualSimilarityQuery(String field, float[] vector, int k, int numCandidates, Query filter,
            Float minScore, ProxyRerank rerank, SearchStrategy strategy, FilterBitSetCache filterCache) {
        if (k < 1 || numCandidates < k) {
            throw new IllegalArgumentException("need 1 <= k <= numCandidates, got k=" + k + ", numCandidates="
                    + numCandidates);
        }
        this.field = Objects.requireNonNull(field, "field");
        this.vector = Objects.requireNonNull(vector, "vector");
        this.k = k;
        this.numCandidates = numCandidates;
        this.filter = filter;
        this.minScore = minScore;
        this.rerank = rerank;
        this.strategy = Objects.requireNonNull(strategy, "strategy");
        this.filterCache = filterCache;
    }

    /** @return the vector field */
    public String field() {
        return field;
    }

    /** @return how many documents at most */
    public int k() {
        return k;
    }

    /** @return the re-ranking, or {@code null} */
    public ProxyRerank rerank() {
        return rerank;
    }

    /**
     * Runs the search and keeps its result, as Lucene's own kNN queries do.
     *
     * @param searcher the searcher of one index or shard
     * @return a query that matches the chosen documents with their scores
     * @throws IOException if the index cannot be read
     */
    /**
     * Whether the query reads a filter from the index's term postings itself rather than running it: a term or
     * term-set query on one field (a category or keyword filter), possibly inside a constant-score, boost or
     * index-or-doc-values wrapper. Such a filter's bit set is kept per segment in the query's
     * {@link FilterBitSetCache}, and on the category field of a segment sorted by category it is read as the
     * category's doc-id run, with no bit set at all, which lets the exact scan read the vectors in order. An engine
     * whose filters come pre-computed as document sets (Solr's filter cache) should hand such a filter over as it
     * is, or the run is lost. Costs O(depth of wrappers).
     *
     * @param filter a filter query
     * @return whether it is read from term postings
     */
    public static boolean readsFilterFromTerms(Query filter) {
        return KnnFilter.readsFromTerms(filter);
    }

    @Override
    public Query rewrite(IndexSearcher searcher) throws IOException {
        // The re-ranking proxies, when given, also tell how much of the query's neighbourhood a filter keeps.
        List<Candidate> candidates = NearestDocuments.find(searcher, field, vector, numCandidates, filter, strategy,
                rerank == null ? null : NearestDocuments.predicted(rerank.proxies(), vector), filterCache);
        ProxyAssignment query = rerank == null ? null
                : ProxyAssignment.of(rerank.proxies(), vector, rerank.temperature());
        CandidateFields fields = new CandidateFields(field, null, rerank == null ? null : rerank.categoryField());
        new CandidateReader(searcher, fields, rerank == null ? null : rerank.proxies(),
                rerank == null ? null : rerank.temperature()).read(candidates, vector, null);
        List<Candidate> kept = new ArrayList<>(candidates.size());
        for (Candidate c : candidates) {
            double visual = query == null ? c.similarity : ScoreFusion.visual(c.similarity,
                    DistributionAgreement.bhattacharyya(query.distribution(), c.distribution), rerank.weight());
            c.score = (1 + visual) / 2;
            if (minScore == null || (float) c.score >= minScore) {
                kept.add(c);
            }
        }
        kept.sort(Comparator.comparingDouble((Candidate c) -> -c.score).thenComparingInt(c -> c.doc));
        List<Candidate> top = kept.subList(0, Math.min(k, kept.size()));
        top.sort(Comparator.comparingInt(c -> c.doc));
        int[] docs = new int[top.size()];
        float[] scores = new float[top.size()];
        for (int i = 0; i < docs.length; i++) {
            docs[i] = top.get(i).doc;
            scores[i] = (float) top.get(i).score;
        }
        return new ScoredDocsQuery(searcher.getIndexReader().getContext().id(), docs, scores, toString());
    }

    @Override
    public void visit(QueryVisitor visitor) {
        if (visitor.acceptField(field)) {
            visitor.visitLeaf(this);
        }
    }

    @Override
    public boolean equals(Object o) {
        return sameClassAs(o) && o instanceof VisualSimilarityQuery q && field.equals(q.field)
                && Arrays.equals(vector, q.vector) && k == q.k && numCandidates == q.numCandidates
                && Objects.equals(filter, q.filter) && Objects.equals(minScore, q.minScore)
                && Objects.equals(rerank, q.rerank) && strategy == q.strategy;
    }

    @Override
    public int hashCode() {
        return Objects.hash(classHash(), field, Arrays.hashCode(vector), k, numCandidates, filter, minScore, rerank,
                strategy);
    }

    @Override
    public String toString(String defaultField) {
        return "visual_similarity(" + field + ", " + vector.length + "-d, k=" + k + ", candidates=" + numCandidates
                + (filter == null ? "" : ", filter=" + filter.toString(defaultField))
                + (minScore == null ? "" : ", min_score=" + minScore)
                + (rerank == null ? "" : ", rerank weight " + rerank.weight() + " temperature "
                        + rerank.temperature() + " over " + rerank.proxies().proxies().size() + " proxies")
                + (strategy == SearchStrategy.AUTO ? "" : ", strategy=" + strategy)
                + ")";
    }
}
