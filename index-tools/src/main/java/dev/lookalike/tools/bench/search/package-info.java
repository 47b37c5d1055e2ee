/**
 * The in-process benchmark of {@code lookalike bench search}: each kind of search (plain, filtered,
 * re-ranked, bare Lucene with its default and ACORN walks) over a Lucene index of the corpus, timed and checked
 * for recall, and its table; the candidate sweep and its recall-against-latency plot; the per-kind profile under
 * Java Flight Recorder; the record that lets a kept index be searched again.
 */
package dev.lookalike.tools.bench.search;
