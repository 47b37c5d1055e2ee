/**
 * The cluster benchmark of {@code lookalike bench opensearch}: the indices it creates on a running
 * OpenSearch node (Lookalike's field beside the k-NN plug-in's), the kinds of search it times, and its result.
 */
package dev.lookalike.tools.bench.opensearch;
