/**
 * Finding the nearest documents to a unit query vector within a filter, the first step of every similarity
 * search: {@link dev.lookalike.search.query.nearest.NearestDocuments} searches each segment the way
 * {@code SearchCosts} chooses from estimated costs (or as a {@link dev.lookalike.search.query.nearest.SearchStrategy}
 * forces): an exact bulk scan of the filter's matches, Lucene's HNSW walk, or its ACORN-style filtered walk, and
 * takes each hit's cosine from its walk score where that is exact.
 *
 * <p>May touch Lucene, {@link dev.lookalike.search.index} (the schema), {@link dev.lookalike.search.proxy} (the
 * query's predicted categories), {@link dev.lookalike.search.query.filter} (the filter's matches per segment) and
 * {@link dev.lookalike.search.query.candidate} (what it returns); never {@link dev.lookalike.search.query}
 * itself, which drives it.
 */
package dev.lookalike.search.query.nearest;
