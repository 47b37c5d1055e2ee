/**
 * Catalogue indexing for {@code lookalike index}: the item sinks (a Lucene index, a file of OpenSearch bulk
 * requests) that the core's {@link dev.lookalike.search.catalogue.CatalogueEmbedding} writes to, where an indexed
 * item's image file lies, and the check that one index never mixes two versions of a model.
 */
package dev.lookalike.tools.catalogue;
