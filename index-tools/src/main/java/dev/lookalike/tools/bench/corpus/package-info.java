/**
 * How the benchmarks build their corpus: real embeddings of a dataset grown into a larger corpus by noisy
 * copies, filter selectivities tagged on its items, the corpus options, and the exact neighbours that recall is
 * measured against.
 */
package dev.lookalike.tools.bench.corpus;
