/**
 * Launcher-only stand-in for one type of Solr's streaming-expression module ({@code solr-solrj-streaming}), which
 * is not on the launcher's classpath. Never shipped: see
 * {@link org.apache.solr.client.solrj.io.stream.expr.Expressible}.
 */
package org.apache.solr.client.solrj.io.stream.expr;
