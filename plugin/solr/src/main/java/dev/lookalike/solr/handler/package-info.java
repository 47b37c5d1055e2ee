/**
 * The plug-in's request handlers: {@code /lookalike/embed} ({@link dev.lookalike.solr.handler.EmbedHandler}, an
 * image in, its vector and predicted category out) and {@code /lookalike/model}
 * ({@link dev.lookalike.solr.handler.ModelHandler}, the loaded bundle's spec). Uses {@link dev.lookalike.solr.node}.
 */
package dev.lookalike.solr.handler;
