/**
 * The {@code image_embedding} ingest processor and where it may load images from: base64 fields, files under
 * the node's file root and URLs on allowed hosts.
 */
package dev.lookalike.opensearch.ingest;
