package dev.lookalike.analyzer.eval;

import dev.lookalike.analyzer.AnalyzerInputException;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The retrieval metrics of {@link RetrievalEvaluator} (Recall@K, MAP@R, MRR) computed from result lists
 * that a search engine returned, rather than from vectors: for judging a search path end to end (an
 * approximate index, filters, re-ranking). A list should hold at least R results (R = the number of
 * relevant items for its query); a relevant item missing from a list counts as never found, so MRR and
 * Recall@K are lower bounds when lists are shorter than the gallery. Costs O(total list length).
 */
public final class RankedListEvaluator {

    private final int[] recallKs;

    /** @param recallKs the K of each Recall@K, e.g. 1, 2, 4, 8 */
    public RankedListEvaluator(List<Integer> recallKs) {
        this.recallKs = recallKs.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * @param rankedLabels   for each query, the labels of its results, best first
     * @param queryLabels    the label of each query
     * @param relevantCounts R for each query: how many items of the gallery share its label (itself excluded)
     * @return the report (no NMI); queries with R = 0 are skipped and counted
     * @throws AnalyzerInputException if the arrays differ in length or no query has a relevant item
     */
    public EvaluationReport evaluate(int[][] rankedLabels, int[] queryLabels, int[] relevantCounts) {
        if (rankedLabels.length != queryLabels.length || queryLabels.length != relevantCounts.length) {
            throw new AnalyzerInputException("ranked lists", rankedLabels.length + " lists, " + queryLabels.length
                    + " query labels and " + relevantCounts.length + " relevant counts: they must agree");
        }
        int evaluated = 0;
        for (int r : relevantCounts) {
            evaluated += r > 0 ? 1 : 0;
        }
        if (evaluated == 0) {
            throw new AnalyzerInputException("ranked lists", "no query has a relevant item in the gallery");
        }
        QueryOutcomes outcomes = new QueryOutcomes(IntStream.range(0, queryLabels.length)
                .filter(q -> relevantCounts[q] > 0).map(q -> queryLabels[q]).toArray());
        int slot = 0;
        for (int q = 0; q < rankedLabels.length; q++) {
            int relevant = relevantCounts[q];
            if (relevant == 0) {
                continue;
            }
            int[] ranked = rankedLabels[q];
            int firstRelevantRank = Integer.MAX_VALUE;
            int relevantSoFar = 0;
            double precisionSum = 0;
            for (int rank = 1; rank <= ranked.length; rank++) {
                if (ranked[rank - 1] == queryLabels[q]) {
                    firstRelevantRank = Math.min(firstRelevantRank, rank);
                    if (rank <= relevant) {
                        relevantSoFar++;
                        precisionSum += (double) relevantSoFar / rank;
                    }
                }
            }
            outcomes.record(slot++, firstRelevantRank, precisionSum / relevant);
        }
        return new EvaluationReport(outcomes.recallAtK(recallKs), outcomes.meanAveragePrecisionAtR(),
                outcomes.meanReciprocalRank(), Double.NaN, evaluated, queryLabels.length - evaluated, outcomes.byLabel());
    }
}
