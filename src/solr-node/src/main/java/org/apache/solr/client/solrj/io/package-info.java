/**
 * Launcher-only stand-in for the one type of Solr's streaming module ({@code solr-solrj-streaming}) that every
 * node creates at start. Never shipped: see {@link org.apache.solr.client.solrj.io.SolrClientCache}.
 */
package org.apache.solr.client.solrj.io;
