package dev.lookalike.search.query.nearest;

import dev.lookalike.search.proxy.IndexProxies;
import dev.lookalike.search.proxy.ProxyAssignment;
import dev.lookalike.search.query.candidate.Candidate;
import dev.lookalike.search.query.filter.FilterBitSetCache;
import dev.lookalike.search.query.filter.KnnFilter;
import dev.lookalike.search.query.filter.SegmentMatches;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.AcceptDocs;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopKnnCollector;
import org.apache.lucene.search.knn.KnnSearchStrategy;
import org.apache.lucene.util.Bits;

/**
 * Finds the nearest documents to a unit query vector, within a filter: the first step of every similarity
 * search. Each segment is searched on its own, the way {@link SearchCosts} chooses for it (or the query's
 * forced {@link SearchStrategy}): an exact scan of the filter's matches in bulk ({@link ExactScan}), Lucene's
 * plain HNSW walk, or its ACORN-style filtered walk; the segments' results are merged by score. The filter is
 * taken apart once per search ({@link KnnFilter}): category filters on segments sorted by category are doc-id
 * ranges, other term filters cached bit sets. A walk that visits more documents than the filter keeps stops
 * and the segment is scanned instead, as in Lucene's own kNN queries. Every returned document matches the filter
 * and is live, and min(count, matches) come back: a walk that finds fewer is replaced by the exact scan.
 * Thread-safe; costs per segment O(matches x dimension) for the scan, about O(count x log n) distance
 * computations for a walk.
 */
public final class NearestDocuments {

    /**
     * Lucene's filtered-search threshold for the ACORN walk: it walks filtered whenever the filter keeps under
     * this percentage of the segment, i.e. whenever there is a filter that drops anything.
     */
    static final int ACORN_THRESHOLD = 100;

    private NearestDocuments() {
    }

    /**
     * As {@link #find(IndexSearcher, String, float[], int, Query, SearchStrategy, Map, FilterBitSetCache)} with
     * the strategy chosen by cost, no category prediction and no bit set cache.
     */
    static List<Candidate> find(IndexSearcher searcher, String field, float[] vector, int count, Query filter)
            throws IOException {
        return find(searcher, field, vector, count, filter, SearchStrategy.AUTO, null, null);
    }

    /**
     * @param searcher  a searcher
     * @param field     the vector field, of unit vectors
     * @param vector    the unit query vector
     * @param count     how many documents at most
     * @param filter    a query every document must match, or {@code null}
     * @param strategy  how to search each segment; {@link SearchStrategy#AUTO} to choose by cost
     * @param predicted the query's probability of each category (from the index's proxies), or {@code null}
     *                  when unknown
     * @param cache     where term filters' bit sets are kept between searches, or {@code null}
     * @return the documents found, as candidates in doc order, each with its cosine where its score was exact
     *         (an exact scan, or a walk over raw vectors: {@link WalkScores})
     * @throws IOException if the index cannot be read
     */
    public static List<Candidate> find(IndexSearcher searcher, String field, float[] vector, int count, Query filter,
            SearchStrategy strategy, Map<String, Float> predicted, FilterBitSetCache cache) throws IOException {
        KnnFilter knnFilter = KnnFilter.of(searcher, filter, cache);
        double nearbyPass = nearbyPass(knnFilter, predicted);
        List<ScoreDoc> found = new ArrayList<>();
        // Global doc ids whose score is not the exact similarity (a walk over quantized vectors).
        List<Integer> approximate = new ArrayList<>();
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            LeafReader reader = leaf.reader();
            FloatVectorValues values = reader.getFloatVectorValues(field);
            if (values == null || values.size() == 0) {
                continue;
            }
            SegmentMatches matches = knnFilter.present() ? knnFilter.matches(leaf)
                    : new SegmentMatches(reader.maxDoc(), null, null, null, null, reader.getLiveDocs(),
                            reader.numDocs(), 1);
            SearchStrategy chosen = SearchCosts.choose(strategy, knnFilter.present(), matches.estimate(),
                    matches.contiguous(), values.size(), count, nearbyPass * matches.categoryPass());
            TopDocs top = chosen == SearchStrategy.EXACT ? null
                    : walk(reader, field, vector, count, matches, knnFilter.present(), chosen);
            boolean exact = top == null || WalkScores.exact(reader, field);
            if (top == null) {
                top = ExactScan.search(values, reader.maxDoc(), vector, count, matches);
            }
            for (ScoreDoc hit : top.scoreDocs) {
                found.add(new ScoreDoc(leaf.docBase + hit.doc, hit.score));
                if (!exact) {
                    approximate.add(leaf.docBase + hit.doc);
                }
            }
        }
        found.sort((a, b) -> a.score != b.score ? Float.compare(b.score, a.score) : Integer.compare(a.doc, b.doc));
        List<Candidate> out = new ArrayList<>(Math.min(count, found.size()));
        Set<Integer> unscored = approximate.isEmpty() ? Set.of() : new HashSet<>(approximate);
        for (ScoreDoc hit : found.subList(0, Math.min(count, found.size()))) {
            out.add(unscored.contains(hit.doc) ? new Candidate(hit.doc)
                    : new Candidate(hit.doc, WalkScores.cosine(hit.score)));
        }
        out.sort((a, b) -> Integer.compare(a.doc, b.doc));
        return out;
    }

    /**
     * @param proxies the index's proxies
     * @param vector  the unit query vector
     * @return the query's probability of each of the proxies' categories, or {@code null} without proxies
     */
    public static Map<String, Float> predicted(IndexProxies proxies, float[] vector) {
        if (proxies == null || proxies.isEmpty()) {
            return null;
        }
        float[] distribution = ProxyAssignment.of(proxies, vector).distribution();
        Map<String, Float> out = new HashMap<>();
        for (int c = 0; c < distribution.length; c++) {
            out.put(proxies.proxies().get(c).category(), distribution[c]);
        }
        return out;
    }

    /** The query's probability of the categories the filter keeps: how much of its neighbourhood passes. */
    private static double nearbyPass(KnnFilter filter, Map<String, Float> predicted) {
        Set<String> kept = filter.categories();
        if (kept == null || predicted == null) {
            return Double.NaN;
        }
        double pass = 0;
        for (String category : kept) {
            pass += predicted.getOrDefault(category, 0f);
        }
        return pass;
    }

    /**
     * A walk of the segment's graph, or {@code null} when it visited more documents than the filter keeps or found
     * fewer than it should: a filtered walk can run out of matching neighbours to step to (the ACORN walk when the
     * matches near its entry are few), and a short answer from a walk is never taken for the filter's.
     */
    private static TopDocs walk(LeafReader reader, String field, float[] vector, int count, SegmentMatches matches,
            boolean filtered, SearchStrategy strategy) throws IOException {
        KnnSearchStrategy how = strategy == SearchStrategy.ACORN ? new KnnSearchStrategy.Hnsw(ACORN_THRESHOLD)
                : KnnSearchStrategy.Hnsw.DEFAULT;
        Bits live = reader.getLiveDocs();
        int visitLimit = filtered || live != null ? (int) Math.min(Integer.MAX_VALUE - 1, matches.estimate()) + 1
                : Integer.MAX_VALUE;
        TopKnnCollector collector = new TopKnnCollector(count, visitLimit, how);
        AcceptDocs accept = filtered ? new MatchesAcceptDocs(matches) : AcceptDocs.fromLiveDocs(live, reader.maxDoc());
        reader.searchNearestVectors(field, vector, collector, accept);
        if (collector.earlyTerminated()) {
            return null;
        }
        TopDocs top = collector.topDocs();
        return top.scoreDocs.length < Math.min(count, matches.estimate()) ? null : top;
    }

    /** A segment's matches as Lucene's walk takes them. */
    private static final class MatchesAcceptDocs extends AcceptDocs {

        private final SegmentMatches matches;

        MatchesAcceptDocs(SegmentMatches matches) {
            this.matches = matches;
        }

        @Override
        public Bits bits() {
            return matches.asBits();
        }

        @Override
        public DocIdSetIterator iterator() {
            return matches.iterator();
        }

        @Override
        public int cost() {
            return (int) Math.min(Integer.MAX_VALUE, matches.estimate());
        }
    }
}
