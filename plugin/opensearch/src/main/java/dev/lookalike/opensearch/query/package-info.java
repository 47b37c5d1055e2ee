/**
 * The {@code image_knn} query: parsing, validation, serialisation between nodes, the rewrite that turns an
 * image or a {@code like} document into a vector, and the Lucene query from the search core.
 */
package dev.lookalike.opensearch.query;
