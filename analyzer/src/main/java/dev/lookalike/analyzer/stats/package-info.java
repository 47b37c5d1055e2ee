/**
 * A node's embedding figures, the same in every engine: {@link dev.lookalike.analyzer.stats.EmbeddingTimes} records
 * what the node's embedder reports through {@link dev.lookalike.analyzer.model.EmbeddingObserver} (decode and
 * inference times, batch sizes) in HdrHistogram recorders and reads them as
 * {@link dev.lookalike.analyzer.stats.Percentiles}. The engine plug-ins render them in their own stats. May use the
 * model package and HdrHistogram.
 */
package dev.lookalike.analyzer.stats;
