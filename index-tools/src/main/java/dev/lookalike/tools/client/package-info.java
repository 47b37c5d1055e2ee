/**
 * Clients of running search engines, over HTTP: JSON requests to one OpenSearch or Solr node.
 */
package dev.lookalike.tools.client;
