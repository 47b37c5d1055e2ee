package dev.lookalike.tools.bench.search;

import dev.lookalike.search.index.IndexMetadata;
import dev.lookalike.search.index.IndexSchema;
import dev.lookalike.search.query.QueryVector;
import dev.lookalike.search.query.SearchFilter;
import dev.lookalike.search.query.SearchHit;
import dev.lookalike.search.query.SimilarityQuery;
import dev.lookalike.search.query.SimilaritySearcher;
import dev.lookalike.search.query.nearest.SearchStrategy;
import dev.lookalike.tools.bench.corpus.FilterSelectivity;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.knn.KnnSearchStrategy;

/**
 * Runs one query of a {@link SearchKind} and returns the ids it found, as a caller of each API would: bare
 * Lucene builds a {@link KnnFloatVectorQuery} with {@code numCandidates} as its k (Lucene's kNN collects that
 * many nearest documents, the equivalent of an engine's num_candidates), takes the top {@code k} and reads
 * their stored ids; Lookalike builds a {@link SimilarityQuery} and runs it through {@link SimilaritySearcher},
 * which reads the whole stored hits. Both share one single-threaded {@link IndexSearcher} with Lucene's
 * default query cache. Not thread-safe.
 */
public final class BenchSearches {

    private static final Set<String> ID_ONLY = Set.of(IndexSchema.ID);
    /**
     * Lucene's ACORN-style filtered walk, as its documentation suggests it: used when the filter keeps under 60 %
     * of the documents.
     */
    private static final KnnSearchStrategy ACORN = new KnnSearchStrategy.Hnsw(60);

    private final IndexSearcher searcher;
    private final SimilaritySearcher similarity;
    private final int k;
    private final int candidates;
    private final SearchStrategy strategy;

    /**
     * @param reader     a reader on the benchmark index; the caller closes it after the last search
     * @param k          results per query
     * @param candidates nearest candidates per query, at least {@code k}
     * @param strategy   how Lookalike's kinds search each segment ({@link SearchStrategy#AUTO}: by cost)
     * @throws IOException if the index's metadata cannot be read
     */
    public BenchSearches(DirectoryReader reader, int k, int candidates, SearchStrategy strategy) throws IOException {
        this.searcher = new IndexSearcher(reader);
        this.similarity = new SimilaritySearcher(searcher, IndexMetadata.read(reader));
        this.k = k;
        this.candidates = candidates;
        this.strategy = strategy;
    }

    /**
     * @param kind     what to run
     * @param query    a unit query vector
     * @param category the category its {@link CategoryFilter} keeps, or {@code null} when it has none
     * @return the ids found, best first
     * @throws IOException if the index cannot be read
     */
    List<String> run(SearchKind kind, float[] query, String category) throws IOException {
        return kind.bareLucene() ? lucene(kind, query, category) : lookalike(kind, query, category);
    }

    private List<String> lucene(SearchKind kind, float[] query, String category) throws IOException {
        FilterSelectivity filter = kind.filter();
        Query termFilter = filter != null ? new TermQuery(new Term(FilterSelectivity.FILTER_FIELD, filter.value()))
                : category != null ? new TermQuery(new Term(IndexSchema.CATEGORY, category)) : null;
        KnnFloatVectorQuery knn = kind.acorn()
                ? new KnnFloatVectorQuery(IndexSchema.VECTOR, query, candidates, termFilter, ACORN)
                : new KnnFloatVectorQuery(IndexSchema.VECTOR, query, candidates, termFilter);
        ScoreDoc[] hits = searcher.search(knn, k).scoreDocs;
        StoredFields stored = searcher.storedFields();
        List<String> ids = new ArrayList<>(hits.length);
        for (ScoreDoc hit : hits) {
            ids.add(stored.document(hit.doc, ID_ONLY).get(IndexSchema.ID));
        }
        return ids;
    }

    private List<String> lookalike(SearchKind kind, float[] query, String category) throws IOException {
        SimilarityQuery.Builder builder = SimilarityQuery.builder(QueryVector.of(query)).k(k).numCandidates(candidates)
                .rerank(kind.rerank()).strategy(strategy);
        if (kind.filter() != null) {
            builder.filter(SearchFilter.terms(FilterSelectivity.FILTER_FIELD, List.of(kind.filter().value())));
        } else if (category != null) {
            builder.filter(SearchFilter.categories(category));
        }
        return similarity.search(builder.build()).hits().stream().map(SearchHit::id).toList();
    }
}
