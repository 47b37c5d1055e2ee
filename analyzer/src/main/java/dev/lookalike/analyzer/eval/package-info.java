/**
 * Evaluation of embeddings the way the metric-learning literature does it: retrieval metrics over cosine
 * similarity (Recall@K, MAP@R, MRR) in {@link dev.lookalike.analyzer.eval.RetrievalEvaluator}, clustering
 * quality as the normalised mutual information of k-means clusters against the labels
 * ({@link dev.lookalike.analyzer.eval.KMeans}, {@link dev.lookalike.analyzer.eval.NormalizedMutualInformation}),
 * and {@link dev.lookalike.analyzer.eval.EmbeddingEvaluation}, which runs the usual leave-one-out protocol
 * and returns an {@link dev.lookalike.analyzer.eval.EvaluationReport}.
 * {@link dev.lookalike.analyzer.eval.PrincipalComponents} gives the PCA baseline (pixels projected onto their
 * top principal components) that learned embeddings are compared with.
 *
 * <p>Everything here is plain Java on {@code float[][]} arrays: no DJL, no native code, so that the metrics
 * can be checked against brute-force oracles and run anywhere. The heavy loops run in parallel on the
 * common fork-join pool; results do not depend on thread scheduling. Bad arguments from users (mismatched
 * lengths, empty data, a non-positive K) raise {@link dev.lookalike.analyzer.AnalyzerInputException}.
 */
package dev.lookalike.analyzer.eval;
