package org.apache.solr.client.solrj.io.stream.expr;

/**
 * Launcher-only stand-in for the interface of the same name in {@code org.apache.solr:solr-solrj-streaming}, which
 * this build's registry does not serve for Solr 10.0.0.
 *
 * <p>{@code SolrConfig}'s static initialiser names this type (as the plug-in type of {@code <expressible>}
 * elements), so a node cannot load any core without it. It declares nothing: a configset that registers an
 * expressible fails, as streaming expressions are unavailable in the launcher's node. It is part of
 * {@code lookalike-solr-node} only and must never be shipped in a plug-in: a user's Solr installation has the real
 * module, and a second copy of this type there would break it.
 */
public interface Expressible {
}
