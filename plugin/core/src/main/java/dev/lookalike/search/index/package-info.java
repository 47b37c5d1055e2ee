/**
 * The Lucene index: what a document holds ({@link dev.lookalike.search.index.IndexSchema}), how the vector field
 * is built ({@link dev.lookalike.search.index.IndexSettings}, {@link dev.lookalike.search.index.LookalikeCodec}),
 * what is stored with each commit ({@link dev.lookalike.search.index.IndexMetadata}) and writing items by id
 * ({@link dev.lookalike.search.index.CatalogueIndex}).
 */
package dev.lookalike.search.index;
