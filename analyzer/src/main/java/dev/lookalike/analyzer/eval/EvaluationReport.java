package dev.lookalike.analyzer.eval;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The metrics of one evaluation of embeddings. An immutable value.
 *
 * @param recallAtK              Recall@K for each K, in report order (K ascending by default); unmodifiable
 * @param mapAtR                 MAP@R, in [0, 1]
 * @param mrr                    mean reciprocal rank of the first relevant item, in (0, 1]
 * @param nmi                    normalised mutual information of k-means clusters and labels, in [0, 1], or
 *                               {@code NaN} when it was not computed
 * @param queryCount             the number of queries the retrieval metrics average over
 * @param queriesWithoutRelevant the number of queries skipped because the gallery held no other item of
 *                               their label (R = 0)
 * @param byLabel                Recall@1 and MAP@R of the queries of each label, labels ascending; unmodifiable
 */
public record EvaluationReport(Map<Integer, Double> recallAtK, double mapAtR, double mrr, double nmi,
                               int queryCount, int queriesWithoutRelevant, Map<Integer, ClassFigures> byLabel) {

    /** Copies the maps, keeping their order, so that the report cannot change afterwards. */
    public EvaluationReport {
        recallAtK = Collections.unmodifiableMap(new LinkedHashMap<>(recallAtK));
        byLabel = Collections.unmodifiableMap(new LinkedHashMap<>(byLabel));
    }

    /** A report without figures per class. */
    public EvaluationReport(Map<Integer, Double> recallAtK, double mapAtR, double mrr, double nmi, int queryCount,
            int queriesWithoutRelevant) {
        this(recallAtK, mapAtR, mrr, nmi, queryCount, queriesWithoutRelevant, Map.of());
    }

    /** @return this report with {@code nmi} set; costs a copy of the maps */
    public EvaluationReport withNmi(double nmi) {
        return new EvaluationReport(recallAtK, mapAtR, mrr, nmi, queryCount, queriesWithoutRelevant, byLabel);
    }

    /**
     * The metrics under the names used in result files, in this order: {@code "recall@K"} for each K of
     * {@link #recallAtK()}, then {@code "map@r"}, {@code "mrr"} and {@code "nmi"}. A metric that was not
     * computed ({@code nmi} is {@code NaN}) maps to {@code null}, which JSON writers render as {@code null}
     * rather than the non-standard {@code NaN}. The counts are not included.
     *
     * @return a new, modifiable, insertion-ordered map
     */
    public Map<String, Double> toOrderedMap() {
        Map<String, Double> map = new LinkedHashMap<>();
        recallAtK.forEach((k, recall) -> map.put("recall@" + k, recall));
        map.put("map@r", orNull(mapAtR));
        map.put("mrr", orNull(mrr));
        map.put("nmi", orNull(nmi));
        return map;
    }

    private static Double orNull(double value) {
        return Double.isNaN(value) ? null : value;
    }
}
