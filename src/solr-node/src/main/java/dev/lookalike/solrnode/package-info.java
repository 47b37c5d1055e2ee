/**
 * Runs Solr from Maven Central's jars, for trying the Lookalike Solr plug-in, for the end-to-end tests and for the
 * benchmarks: one node ({@link dev.lookalike.solrnode.NodeCommand}), one ZooKeeper server
 * ({@link dev.lookalike.solrnode.ZooKeeperCommand}) or a small SolrCloud of node processes
 * ({@link dev.lookalike.solrnode.CloudCommand}), all on loopback. {@link dev.lookalike.solrnode.SolrNodeLauncher}
 * is the entry point.
 *
 * <p>The plug-in is installed as a user installs it, its zip's jars in {@code <solr_home>/lib}
 * ({@link dev.lookalike.solrnode.SolrHome}); nothing of Lookalike is on the node's own classpath. This package may
 * use Solr, its ZooKeeper client and server, and picocli; it never imports Lookalike's own modules.
 */
package dev.lookalike.solrnode;
