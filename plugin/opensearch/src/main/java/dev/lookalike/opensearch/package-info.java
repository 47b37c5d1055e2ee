/**
 * The Lookalike plug-in for OpenSearch: a thin adapter that registers the plug-in's node settings, its
 * inference thread pool and its REST endpoints, and hands every image to the analyzer. No rule about images,
 * models or similarity lives here; this package only translates between OpenSearch and the analyzer and core.
 */
package dev.lookalike.opensearch;
