package dev.lookalike.search.query;

import dev.lookalike.search.SearchInputException;
import dev.lookalike.search.UnitVectors;
import dev.lookalike.search.index.IndexMetadata;
import dev.lookalike.search.index.IndexSchema;
import dev.lookalike.search.proxy.IndexProxies;
import dev.lookalike.search.proxy.ProxyAssignment;
import dev.lookalike.search.query.candidate.Candidate;
import dev.lookalike.search.query.candidate.CandidateFields;
import dev.lookalike.search.query.candidate.CandidateReader;
import dev.lookalike.search.query.filter.FilterBitSetCache;
import dev.lookalike.search.query.nearest.NearestDocuments;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;

/**
 * Runs {@link SimilarityQuery}s against one point-in-time view of an index, with the proxies stored with
 * that view's commit (or given by an engine adapter). Steps, each explained on {@link SimilarityQuery}:
 * resolve the query vector; filtered kNN for {@code numCandidates} candidates ({@link NearestDocuments}: per
 * segment a bulk exact scan of the filter's matches, Lucene's HNSW walk with the filter inside it, or its
 * ACORN-style filtered walk, by estimated cost or as {@link SimilarityQuery#strategy()} forces; term filters'
 * bit sets are cached per segment in a {@link FilterBitSetCache}); add the best BM25 matches when the query has text; read
 * each candidate's exact similarity, distribution and BM25; drop those under the minimum similarity; fuse;
 * keep the best k. Cost is dominated by the HNSW walk, O(numCandidates x log n) distance computations, plus
 * O(numCandidates x (dimension + categories)) for scoring. Thread-safe if the {@link IndexSearcher} is; does
 * not own the reader.
 */
public final class SimilaritySearcher {

    private final IndexSearcher searcher;
    private final IndexMetadata metadata;
    private final FilterBitSetCache filterCache;

    /**
     * A searcher with a bit set cache of its own ({@link FilterBitSetCache#FilterBitSetCache()}).
     *
     * @param searcher a searcher over an index written with {@link IndexSchema}
     * @param metadata that index's metadata (settings and proxies)
     */
    public SimilaritySearcher(IndexSearcher searcher, IndexMetadata metadata) {
        this(searcher, metadata, new FilterBitSetCache());
    }

    /**
     * @param searcher    a searcher over an index written with {@link IndexSchema}
     * @param metadata    that index's metadata (settings and proxies)
     * @param filterCache the term filters' bit sets, to share with the searchers of later views of the index
     */
    public SimilaritySearcher(IndexSearcher searcher, IndexMetadata metadata, FilterBitSetCache filterCache) {
        this.searcher = searcher;
        this.metadata = metadata;
        this.filterCache = filterCache;
    }

    /**
     * Opens a searcher on a reader, with the metadata of the commit the reader was opened on.
     *
     * @param reader a reader on a Lookalike index; the caller closes it after the searcher's last use
     * @return the searcher
     * @throws SearchInputException if the commit has no Lookalike metadata
     * @throws IOException          if the commit cannot be read
     */
    public static SimilaritySearcher open(DirectoryReader reader) throws IOException {
        return new SimilaritySearcher(new IndexSearcher(reader), IndexMetadata.read(reader));
    }

    /** @return the metadata this searcher uses */
    public IndexMetadata metadata() {
        return metadata;
    }

    /**
     * Reads the stored vector of an item, e.g. to show it or to query with it.
     *
     * @param id the item's id
     * @return a copy of its vector
     * @throws SearchInputException if no live item has that id
     * @throws IOException          if the index cannot be read
     */
    public float[] vectorOf(String id) throws IOException {
        return StoredVectors.vectorOf(searcher, id);
    }

    /**
     * Runs a query.
     *
     * @param query the query
     * @return at most k hits, best first, with the query's predicted category
     * @throws SearchInputException if the query vector has the wrong dimension, non-finite parts or zero
     *                              length, the query item does not exist, or a filter is invalid
     * @throws IOException          if the index cannot be read
     */
    public SearchResults search(SimilarityQuery query) throws IOException {
        float[] vector = resolve(query.vector());
        String excluded = query.excludeQueryItem() && query.vector() instanceof QueryVector.OfItem item
                ? item.id() : null;
        Query filter = FilterQueries.compile(query.filters(), excluded);
        Query text = query.text() == null ? null : TextQueries.anyWord("query option text", query.text());

        Map<Integer, Candidate> byDoc = new LinkedHashMap<>();
        for (Candidate c : NearestDocuments.find(searcher, IndexSchema.VECTOR, vector, query.numCandidates(), filter,
                query.strategy(), NearestDocuments.predicted(metadata.proxies(), vector), filterCache)) {
            byDoc.put(c.doc, c);
        }
        if (text != null) {
            collect(byDoc, filter == null ? text : new BooleanQuery.Builder()
                    .add(text, BooleanClause.Occur.MUST).add(filter, BooleanClause.Occur.FILTER).build(), query);
        }
        List<Candidate> candidates = new ArrayList<>(byDoc.values());
        candidates.sort(Comparator.comparingInt(c -> c.doc));

        IndexProxies proxies = metadata.proxies();
        float temperature = query.rerankTemperature() != null ? query.rerankTemperature()
                : SimilarityQuery.DEFAULT_RERANK_TEMPERATURE;
        // The prediction shown to users is the model's, at its own temperature; re-ranking has its own.
        ProxyAssignment prediction = proxies.isEmpty() ? null : ProxyAssignment.of(proxies, vector);
        ProxyAssignment queryAssignment = prediction == null ? null : ProxyAssignment.of(proxies, vector, temperature);
        boolean rerank = query.rerank() && queryAssignment != null;
        Weight textWeight = text == null ? null
                : searcher.createWeight(searcher.rewrite(text), ScoreMode.COMPLETE, 1f);
        new CandidateReader(searcher, CandidateFields.CORE, rerank ? proxies : null, temperature).read(candidates, vector, textWeight);

        if (query.minSimilarity() != null) {
            candidates.removeIf(c -> c.similarity < query.minSimilarity());
        }
        float rerankWeight = SimilarityQuery.effectiveRerankWeight(query.rerankWeight(), metadata.modelRerankWeight());
        ScoreFusion.score(candidates, query, rerank ? queryAssignment.distribution() : null, rerankWeight);
        candidates.sort(Comparator.comparingDouble((Candidate c) -> -c.score).thenComparingInt(c -> c.doc));

        HitReader hits = new HitReader(searcher);
        List<SearchHit> top = new ArrayList<>();
        for (Candidate c : candidates.subList(0, Math.min(query.k(), candidates.size()))) {
            top.add(hits.hit(c));
        }
        CategoryPrediction predicted = prediction == null ? null
                : new CategoryPrediction(prediction.category(), prediction.probability());
        return new SearchResults(top, predicted, byDoc.size());
    }

    private void collect(Map<Integer, Candidate> byDoc, Query q, SimilarityQuery query) throws IOException {
        for (ScoreDoc hit : searcher.search(q, query.numCandidates()).scoreDocs) {
            byDoc.computeIfAbsent(hit.doc, Candidate::new);
        }
    }

    private float[] resolve(QueryVector source) throws IOException {
        int dimension = metadata.settings().dimension();
        return switch (source) {
            case QueryVector.OfItem item -> StoredVectors.vectorOf(searcher, item.id());
            case QueryVector.Given given -> UnitVectors.normalised("query vector", given.vector(), dimension);
        };
    }
}
