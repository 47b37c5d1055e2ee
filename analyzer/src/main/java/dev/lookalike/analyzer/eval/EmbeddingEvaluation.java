package dev.lookalike.analyzer.eval;

import dev.lookalike.analyzer.AnalyzerInputException;

/**
 * The standard evaluation of a set of labelled embeddings: leave-one-out retrieval metrics (every vector a
 * query against all the others, see {@link RetrievalEvaluator}) and the NMI of a k-means clustering, with k
 * the number of distinct labels, against the labels.
 *
 * <p>k-means runs on the vectors scaled to unit length, so that clustering sees the same geometry as the
 * cosine similarity used for retrieval (squared Euclidean distance between unit vectors is
 * {@code 2 - 2·cosine}); zero vectors stay at the origin.
 *
 * <p>Cost: the retrieval evaluation (O(n²·d), a few seconds for 10,000 vectors of 64 floats on two cores)
 * plus the k-means restarts (O(restarts × iterations × k × n × d), usually less). Instances hold only their
 * settings and can be shared between threads.
 */
public final class EmbeddingEvaluation {

    /** The seed of k-means by default, so that reports of the same embeddings are identical. */
    public static final long DEFAULT_SEED = 42L;

    private final RetrievalEvaluator retrieval;
    private final int kMeansMaxIterations;
    private final int kMeansRestarts;
    private final long kMeansSeed;

    /** The evaluation with Recall@1, 2, 4, 8 and k-means at its defaults, seeded with {@link #DEFAULT_SEED}. */
    public EmbeddingEvaluation() {
        this(new RetrievalEvaluator(), KMeans.DEFAULT_MAX_ITERATIONS, KMeans.DEFAULT_RESTARTS, DEFAULT_SEED);
    }

    /**
     * @param retrieval           the retrieval metrics to compute
     * @param kMeansMaxIterations Lloyd iterations allowed per k-means restart, at least 1
     * @param kMeansRestarts      k-means restarts, at least 1
     * @param kMeansSeed          the seed of k-means
     * @throws AnalyzerInputException if a k-means count is below 1
     */
    public EmbeddingEvaluation(RetrievalEvaluator retrieval, int kMeansMaxIterations, int kMeansRestarts,
                               long kMeansSeed) {
        new KMeans(1, kMeansMaxIterations, kMeansRestarts, kMeansSeed);
        this.retrieval = retrieval;
        this.kMeansMaxIterations = kMeansMaxIterations;
        this.kMeansRestarts = kMeansRestarts;
        this.kMeansSeed = kMeansSeed;
    }

    /**
     * Evaluates labelled embeddings.
     *
     * @param vectors the embeddings, all of one length
     * @param labels  the class of each embedding
     * @return the retrieval metrics and NMI
     * @throws AnalyzerInputException if the vectors are empty or ragged, a value is not finite, the label
     *                                count differs from the vector count, or no label occurs twice
     */
    public EvaluationReport evaluate(float[][] vectors, int[] labels) {
        EvaluationReport report = retrieval.evaluateLeaveOneOut(vectors, labels);
        int classCount = LabelSet.of(labels).size();
        Clustering clustering = new KMeans(classCount, kMeansMaxIterations, kMeansRestarts, kMeansSeed)
                .cluster(unitRows(vectors));
        return report.withNmi(NormalizedMutualInformation.between(labels, clustering.assignments()));
    }

    private static float[][] unitRows(float[][] vectors) {
        UnitVectors unit = UnitVectors.of(vectors, "vector");
        float[][] rows = new float[unit.count()][];
        for (int row = 0; row < rows.length; row++) {
            rows[row] = unit.row(row);
        }
        return rows;
    }
}
