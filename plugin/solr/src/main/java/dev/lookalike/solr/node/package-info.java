/**
 * What a Solr node holds once for all its cores: its settings ({@link dev.lookalike.solr.node.NodeSettings},
 * read from JVM system properties), the model and the bounded inference pool
 * ({@link dev.lookalike.solr.node.LookalikeNode}, kept in the {@code CoreContainer}'s object cache) with the
 * counters of its searches ({@link dev.lookalike.solr.node.NodeCounters}), and how the
 * analyzer's and the core's refusals become Solr errors ({@link dev.lookalike.solr.node.SolrErrors}). May use the
 * analyzer, the core and Solr; the other packages of the plug-in use it.
 */
package dev.lookalike.solr.node;
