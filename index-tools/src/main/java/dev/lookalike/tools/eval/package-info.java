/**
 * Evaluation for {@code lookalike eval}: where the vectors come from (a model bundle, raw pixels, PCA-64),
 * which classes an evaluation covers, and evaluation through a built index (plain and re-ranked, HNSW recall).
 */
package dev.lookalike.tools.eval;
