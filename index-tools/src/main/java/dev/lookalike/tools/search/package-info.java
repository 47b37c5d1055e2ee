/**
 * What {@code lookalike search} reads: its queries (by image file, by item id, by vector, by simulated photo)
 * and its filters, and the stored items a query by id needs.
 */
package dev.lookalike.tools.search;
