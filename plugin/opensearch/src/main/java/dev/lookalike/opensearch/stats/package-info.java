/**
 * The plug-in's figures: what each node has done since it started ({@link dev.lookalike.opensearch.stats.NodeFigures}:
 * searches, images, embedding times, memory, the inference pool, the model, the catalogue-proxies cache; the
 * embedding times are recorded by the analyzer's {@link dev.lookalike.analyzer.stats.EmbeddingTimes}), and the nodes
 * action that gathers them from every node of the cluster
 * ({@link dev.lookalike.opensearch.stats.TransportLookalikeStatsAction}). May use the analyzer, the plug-in's query
 * and proxy packages and OpenSearch; the REST layer renders what it collects.
 */
package dev.lookalike.opensearch.stats;
