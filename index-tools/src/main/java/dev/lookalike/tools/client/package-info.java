/**
 * Clients of running search engines, over HTTP: an OpenSearch node's REST API.
 */
package dev.lookalike.tools.client;
