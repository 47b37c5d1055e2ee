package dev.lookalike.search.query.candidate;

/**
 * What a result's score is made of (see {@link dev.lookalike.search.query.SimilarityQuery} for how they combine).
 *
 * @param similarity the cosine similarity of the item's vector to the query vector, -1 to 1
 * @param agreement  the Bhattacharyya coefficient of the query's and the item's category distributions,
 *                   0 to 1, or {@code null} when re-ranking was off
 * @param text       the item's BM25 score divided by the best among the candidates, 0 to 1, or {@code null}
 *                   when the query had no text
 */
public record ScoreParts(double similarity, Double agreement, Double text) {
}
