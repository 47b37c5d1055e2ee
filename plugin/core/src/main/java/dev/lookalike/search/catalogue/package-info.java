/**
 * Reading a product catalogue in JSON Lines ({@link dev.lookalike.search.catalogue.CatalogueReader}) into
 * validated {@link dev.lookalike.search.catalogue.CatalogueItem}s, reporting each bad line by number and going on;
 * and embedding them chunk by chunk into an {@link dev.lookalike.search.catalogue.ItemSink}
 * ({@link dev.lookalike.search.catalogue.CatalogueEmbedding}), so that memory holds one chunk of images at a time.
 */
package dev.lookalike.search.catalogue;
