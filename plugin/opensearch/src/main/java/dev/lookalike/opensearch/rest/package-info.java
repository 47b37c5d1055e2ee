/**
 * The plug-in's REST endpoints under {@code /_plugins/lookalike}: each handler parses OpenSearch's request,
 * runs the work on the inference pool, and renders the answer as OpenSearch renders its own (including
 * {@code ?pretty} and the usual error body, with 400 for bad input and 429 when the pool is full). The stats
 * endpoint reads the node's figures on the calling thread, or asks the cluster's nodes through the stats package's
 * nodes action.
 */
package dev.lookalike.opensearch.rest;
