package dev.lookalike.search.query;

import dev.lookalike.search.proxy.DistributionAgreement;
import dev.lookalike.search.query.candidate.Candidate;
import dev.lookalike.search.query.candidate.ScoreParts;
import java.util.List;

/**
 * Combines a candidate's similarity, proxy agreement and text score into its final score, as
 * {@link SimilarityQuery} describes. Costs O(categories) per candidate.
 */
final class ScoreFusion {

    private ScoreFusion() {
    }

    /**
     * The re-ranked visual score: the one rule for mixing similarity and proxy agreement, shared by
     * {@link SimilaritySearcher} and {@link VisualSimilarityQuery}.
     *
     * @param similarity the cosine similarity, -1 to 1
     * @param agreement  the proxy agreement, 0 to 1
     * @param weight     the re-ranking weight, 0 to 1
     * @return {@code (1 - weight)·similarity + weight·agreement}
     */
    static double visual(double similarity, double agreement, double weight) {
        return (1 - weight) * similarity + weight * agreement;
    }

    /**
     * Sets each candidate's score and parts.
     *
     * @param candidates        the candidates, with similarity, distribution and BM25 read
     * @param query             the query
     * @param queryDistribution the query's distribution over the index's categories, or {@code null} when
     *                          not re-ranking
     * @param rerankWeight      the re-ranking weight, the query's or the index's default
     */
    static void score(List<Candidate> candidates, SimilarityQuery query, float[] queryDistribution,
            double rerankWeight) {
        double bestText = 0;
        for (Candidate c : candidates) {
            bestText = Math.max(bestText, c.bm25);
        }
        double w = rerankWeight;
        double t = query.textWeight();
        for (Candidate c : candidates) {
            Double agreement = queryDistribution == null ? null
                    : DistributionAgreement.bhattacharyya(queryDistribution, c.distribution);
            Double text = query.text() == null ? null : bestText > 0 ? c.bm25 / bestText : 0.0;
            double visual = agreement == null ? c.similarity : visual(c.similarity, agreement, w);
            c.score = text == null ? visual : (1 - t) * visual + t * text;
            c.parts = new ScoreParts(c.similarity, agreement, text);
        }
    }
}
