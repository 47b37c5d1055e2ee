/**
 * The codecs that give {@code image_vector} fields their HNSW vectors format, while every other field keeps
 * what OpenSearch (or the k-NN plug-in) would have given it.
 */
package dev.lookalike.opensearch.codec;
