/**
 * The similarity query ({@link dev.lookalike.search.query.SimilarityQuery}, an immutable value) and the
 * {@link dev.lookalike.search.query.SimilaritySearcher} that runs it: filtered kNN on the HNSW field, optional
 * BM25 text fused with the similarity, optional proxy re-ranking, and results that carry their score's parts;
 * and {@link dev.lookalike.search.query.VisualSimilarityQuery}, the Lucene query the engine adapters run per
 * shard, with its {@link dev.lookalike.search.query.ProxyRerank}. This package holds what callers use (the
 * query, its vector and filters, the results) and the steps that need them: compiling filters and text into
 * Lucene queries, fusing the score by the query's rule, reading hits.
 *
 * <p>The search's work lives in three sub-packages, which this package drives and which never import it:
 * {@link dev.lookalike.search.query.nearest} finds the nearest documents within a filter,
 * {@link dev.lookalike.search.query.filter} takes the filter apart per segment for it, and
 * {@link dev.lookalike.search.query.candidate} holds the candidates found and reads what scoring needs for each.
 * Imports go one way: {@code query} → {@code nearest} → {@code filter}, {@code query} → {@code candidate},
 * {@code nearest} → {@code candidate}, {@code query} → {@code filter}.
 */
package dev.lookalike.search.query;
