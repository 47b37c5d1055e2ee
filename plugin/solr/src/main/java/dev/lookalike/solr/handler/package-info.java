/**
 * The plug-in's request handlers: {@code /lookalike/embed} ({@link dev.lookalike.solr.handler.EmbedHandler}, an
 * image in, its vector and predicted category out), {@code /lookalike/model}
 * ({@link dev.lookalike.solr.handler.ModelHandler}, the loaded bundle's spec) and {@code /lookalike/stats}
 * ({@link dev.lookalike.solr.handler.StatsHandler}, the node's figures). Uses {@link dev.lookalike.solr.node} and
 * {@link dev.lookalike.solr.stats}.
 */
package dev.lookalike.solr.handler;
