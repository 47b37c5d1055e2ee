/**
 * Pre-filtering for the nearest-documents search: {@link dev.lookalike.search.query.filter.KnnFilter} takes a
 * search's filter query apart once per search (term sets, other required queries, excluded queries) and gives
 * each segment's kept live documents as {@link dev.lookalike.search.query.filter.SegmentMatches}: doc-id ranges
 * for a category filter on a segment sorted by category, bit sets for the rest, term filters' bit sets kept
 * between searches in a {@link dev.lookalike.search.query.filter.FilterBitSetCache}.
 *
 * <p>May touch Lucene and {@link dev.lookalike.search.index} (the schema) only; the other query packages use it,
 * it uses none of them.
 */
package dev.lookalike.search.query.filter;
