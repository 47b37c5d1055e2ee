/**
 * End-to-end tests on real Solr 10 nodes: single nodes and a SolrCloud of node processes started with the
 * repository's launcher ({@code src/solr-node}, Maven Central's Solr jars), each in its own JVM on loopback, and
 * queried over HTTP as a user would. {@link dev.lookalike.e2e.solr.SolrNode} and
 * {@link dev.lookalike.e2e.solr.SolrCloud} are the reusable harness.
 */
package dev.lookalike.e2e.solr;
