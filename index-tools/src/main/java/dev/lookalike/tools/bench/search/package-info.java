/**
 * The in-process benchmark of {@code lookalike bench search}: each kind of search (plain, filtered,
 * re-ranked, bare Lucene) over a Lucene index of the corpus, timed and checked for recall, and its table.
 */
package dev.lookalike.tools.bench.search;
