/**
 * The plug-in's figures on a Solr node: what it has done since it started
 * ({@link dev.lookalike.solr.stats.NodeFigures}: searches, images and their embedding times, memory, the inference
 * pool, the model, the catalogue proxies), in the shape of the OpenSearch plug-in's per-node stats, and the same
 * figures in Solr's metrics ({@link dev.lookalike.solr.stats.NodeMetrics}). May use the analyzer, the plug-in's node
 * and proxy packages and Solr's metrics.
 */
package dev.lookalike.solr.stats;
