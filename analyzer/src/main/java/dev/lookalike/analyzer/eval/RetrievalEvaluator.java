package dev.lookalike.analyzer.eval;

import dev.lookalike.analyzer.AnalyzerInputException;

import java.util.List;
import java.util.stream.IntStream;

/**
 * Retrieval metrics of embeddings under cosine similarity, as metric-learning papers report them:
 * <ul>
 *   <li><b>Recall@K</b>: the fraction of queries whose K most similar gallery items include at least one of
 *       the query's label (the metric-learning definition, not the information-retrieval one);</li>
 *   <li><b>MAP@R</b> (Musgrave, Belongie and Lim, <i>A Metric Learning Reality Check</i>, ECCV 2020): with R
 *       the number of gallery items of the query's label, {@code (1/R) * sum_{i=1..R} P(i) * rel(i)}, where
 *       P(i) is the precision of the top i and rel(i) is 1 when the i-th item is of the query's label;</li>
 *   <li><b>MRR</b>: the mean of 1 / rank of the first gallery item of the query's label.</li>
 * </ul>
 * The gallery is ranked by descending cosine similarity, ties broken by ascending gallery index, so results
 * are deterministic. A zero vector has similarity 0 with everything. Each query may leave one gallery item
 * out of its ranking (the query itself, in the leave-one-out protocol).
 *
 * <p>A query with no gallery item of its label (R = 0) cannot score on any of the metrics; it is skipped by
 * all of them, so that every metric averages over the same queries, and counted in
 * {@link EvaluationReport#queriesWithoutRelevant()}.
 *
 * <p>Cost: for Q queries, a gallery of N vectors of D values and R relevant items per query, O(Q·N·D) for the
 * similarities plus O(Q·(N + R log R)) for the rankings, spread over the common fork-join pool; memory is two
 * normalised copies of the vectors (one transposed) plus N floats and N longs per worker. 10,000 × 10,000 vectors of 64 floats take a few
 * seconds on two cores. Instances are immutable and can be shared between threads.
 */
public final class RetrievalEvaluator {

    /** The K of Recall@K reported by default: 1, 2, 4 and 8, as in the metric-learning literature. */
    public static final List<Integer> DEFAULT_RECALL_KS = List.of(1, 2, 4, 8);

    /** Queries handed to a worker at a time: enough to amortise its scratch array, few enough to balance. */
    private static final int QUERIES_PER_TASK = 32;

    private final int[] recallKs;

    /** An evaluator reporting Recall@K for {@link #DEFAULT_RECALL_KS}. */
    public RetrievalEvaluator() {
        this(DEFAULT_RECALL_KS);
    }

    /**
     * An evaluator reporting Recall@K for the given K, in the given order.
     *
     * @param recallKs the K to report, each at least 1, without repeats
     * @throws AnalyzerInputException if the list is empty, holds a K below 1 or holds a K twice
     */
    public RetrievalEvaluator(List<Integer> recallKs) {
        if (recallKs == null || recallKs.isEmpty()) {
            throw new AnalyzerInputException("recall K", "none given, expected at least one K >= 1");
        }
        this.recallKs = new int[recallKs.size()];
        for (int i = 0; i < this.recallKs.length; i++) {
            Integer k = recallKs.get(i);
            if (k == null || k < 1) {
                throw new AnalyzerInputException("recall K", k + " given, expected K >= 1");
            }
            if (recallKs.indexOf(k) != i) {
                throw new AnalyzerInputException("recall K", k + " given twice, expected each K once");
            }
            this.recallKs[i] = k;
        }
    }

    /** @return the K reported for Recall@K, in report order */
    public List<Integer> recallKs() {
        return IntStream.of(recallKs).boxed().toList();
    }

    /**
     * Evaluates queries against a gallery.
     *
     * @param queries       the query vectors, all of one length
     * @param queryLabels   one label per query
     * @param gallery       the gallery vectors, of the same length as the queries
     * @param galleryLabels one label per gallery vector
     * @param leftOut       for each query, the gallery index to leave out of its ranking, or {@code -1} for none
     * @return the metrics, with {@link EvaluationReport#nmi()} not computed ({@code NaN})
     * @throws AnalyzerInputException if an array is empty or missing, lengths do not match, a value is not
     *                                finite, a left-out index is outside the gallery, or no query has any
     *                                gallery item of its label
     */
    public EvaluationReport evaluate(float[][] queries, int[] queryLabels, float[][] gallery, int[] galleryLabels,
                                     int[] leftOut) {
        UnitVectors queryVectors = UnitVectors.of(queries, "query vector");
        UnitVectors galleryVectors = UnitVectors.of(gallery, "gallery vector");
        queryVectors.requireSameDimension(galleryVectors, "gallery");
        MatrixShape.requireOnePerRow(queryLabels, queries.length, "query labels");
        MatrixShape.requireOnePerRow(galleryLabels, gallery.length, "gallery labels");
        MatrixShape.requireOnePerRow(leftOut, queries.length, "left-out gallery indices");
        for (int query = 0; query < leftOut.length; query++) {
            if (leftOut[query] < -1 || leftOut[query] >= gallery.length) {
                throw new AnalyzerInputException("left-out gallery index of query #" + query, leftOut[query]
                        + " given, expected -1 (none) or a gallery index below " + gallery.length);
            }
        }
        return evaluate(queryVectors, queryLabels.clone(), galleryVectors, galleryLabels.clone(), leftOut.clone());
    }

    /**
     * Evaluates the usual leave-one-out protocol: every vector is a query against all the others. The vectors
     * are normalised once and shared by both sides.
     *
     * @param vectors the vectors, all of one length
     * @param labels  one label per vector
     * @return the metrics, with {@link EvaluationReport#nmi()} not computed ({@code NaN})
     * @throws AnalyzerInputException as {@link #evaluate(float[][], int[], float[][], int[], int[])} does;
     *                                in particular if no label occurs twice
     */
    public EvaluationReport evaluateLeaveOneOut(float[][] vectors, int[] labels) {
        UnitVectors unit = UnitVectors.of(vectors, "vector");
        MatrixShape.requireOnePerRow(labels, vectors.length, "labels");
        int[] copy = labels.clone();
        return evaluate(unit, copy, unit, copy, IntStream.range(0, vectors.length).toArray());
    }

    private EvaluationReport evaluate(UnitVectors queries, int[] queryLabels, UnitVectors gallery,
                                      int[] galleryLabels, int[] leftOut) {
        LabelSet galleryLabelSet = LabelSet.of(galleryLabels);
        int[] relevantCounts = new int[queries.count()];
        int[] evaluated = new int[queries.count()];
        int evaluatedCount = 0;
        for (int query = 0; query < relevantCounts.length; query++) {
            int label = queryLabels[query];
            int excluded = leftOut[query] >= 0 && galleryLabels[leftOut[query]] == label ? 1 : 0;
            relevantCounts[query] = galleryLabelSet.count(label) - excluded;
            if (relevantCounts[query] > 0) {
                evaluated[evaluatedCount++] = query;
            }
        }
        if (evaluatedCount == 0) {
            throw new AnalyzerInputException("query labels",
                    "no query has a gallery item of its label, expected at least one to evaluate");
        }

        QueryOutcomes outcomes = new QueryOutcomes(IntStream.of(evaluated).limit(evaluatedCount)
                .map(q -> queryLabels[q]).toArray());
        int slots = evaluatedCount;
        int tasks = (slots + QUERIES_PER_TASK - 1) / QUERIES_PER_TASK;
        float[] transposedGallery = gallery.transposed();
        IntStream.range(0, tasks).parallel().forEach(task -> {
            QueryRanker ranker = new QueryRanker(gallery, galleryLabels, transposedGallery);
            int end = Math.min(slots, (task + 1) * QUERIES_PER_TASK);
            for (int slot = task * QUERIES_PER_TASK; slot < end; slot++) {
                int query = evaluated[slot];
                ranker.rank(queries, query, queryLabels[query], leftOut[query], relevantCounts[query],
                        outcomes, slot);
            }
        });
        return new EvaluationReport(outcomes.recallAtK(recallKs), outcomes.meanAveragePrecisionAtR(),
                outcomes.meanReciprocalRank(), Double.NaN, evaluatedCount, queries.count() - evaluatedCount,
                outcomes.byLabel());
    }
}
