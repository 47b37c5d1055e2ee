/**
 * The similarity query ({@link dev.lookalike.search.query.SimilarityQuery}, an immutable value) and the
 * {@link dev.lookalike.search.query.SimilaritySearcher} that runs it: filtered kNN on the HNSW field, optional
 * BM25 text fused with the similarity, optional proxy re-ranking, and results that carry their score's parts.
 */
package dev.lookalike.search.query;
