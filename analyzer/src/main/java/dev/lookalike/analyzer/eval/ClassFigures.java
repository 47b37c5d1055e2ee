package dev.lookalike.analyzer.eval;

/**
 * The retrieval figures of the queries of one class: which classes an embedding serves well and which it
 * confuses.
 *
 * @param queries   how many queries of the class were evaluated
 * @param recallAt1 the fraction whose nearest gallery item is of the class
 * @param mapAtR    their MAP@R
 */
public record ClassFigures(int queries, double recallAt1, double mapAtR) {
}
