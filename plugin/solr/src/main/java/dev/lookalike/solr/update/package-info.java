/**
 * The update processor that embeds images as documents arrive ({@link
 * dev.lookalike.solr.update.ImageEmbeddingUpdateProcessorFactory}): its configuration, checked when the core
 * loads, and the batch that gathers a request's images for one forward pass per batch. Uses {@link
 * dev.lookalike.solr.node} for the model and the pool.
 */
package dev.lookalike.solr.update;
