/**
 * End-to-end tests of the OpenSearch plug-in on a real OpenSearch node: the distribution from Maven Central, the
 * plug-in zip that the build wrote, installed with {@code bin/opensearch-plugin} and queried over HTTP as a user
 * would. {@link dev.lookalike.e2e.opensearch.OpenSearchNode} is the reusable harness.
 */
package dev.lookalike.e2e.opensearch;
