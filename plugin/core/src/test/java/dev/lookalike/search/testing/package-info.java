/**
 * Test support: random items with unit vectors, indexing them with random codecs through the core's schema,
 * and brute-force oracles (nearest neighbours, proxy softmax, Bhattacharyya, normalised means) written from the
 * definitions.
 */
package dev.lookalike.search.testing;
