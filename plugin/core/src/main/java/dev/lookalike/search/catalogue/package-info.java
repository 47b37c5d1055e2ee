/**
 * Reading a product catalogue in JSON Lines ({@link dev.lookalike.search.catalogue.CatalogueReader}) into
 * validated {@link dev.lookalike.search.catalogue.CatalogueItem}s, reporting each bad line by number and going on.
 */
package dev.lookalike.search.catalogue;
