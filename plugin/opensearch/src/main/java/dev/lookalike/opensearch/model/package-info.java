/**
 * The node's one model: loaded lazily on first use from the bundle that the node's settings name, with DJL set
 * up to run offline from a cache under the node's own paths, and shared by every request.
 */
package dev.lookalike.opensearch.model;
