/**
 * The {@code {!image_knn}} query parser: its local parameters ({@link dev.lookalike.solr.search.ImageKnnOptions}),
 * how the query's vector is found (given, embedded from an image, or read from a {@code like} document, once per
 * request, before it fans out to shards) and the search core's
 * {@link dev.lookalike.search.query.VisualSimilarityQuery} it builds, with Solr's own {@code fq} pre-filtering.
 * Uses {@link dev.lookalike.solr.node} and {@link dev.lookalike.solr.proxy}.
 */
package dev.lookalike.solr.search;
