/**
 * Lookalike for Solr 10: a thin adapter that parses Solr's request formats, calls the analyzer
 * ({@code dev.lookalike.analyzer}) and the search core ({@code dev.lookalike.search}), and renders Solr's
 * responses. Packages follow Solr's concepts: {@link dev.lookalike.solr.node} (the node's one model and inference
 * pool, and its settings), {@link dev.lookalike.solr.update} (the update processor),
 * {@link dev.lookalike.solr.search} (the {@code image_knn} query parser), {@link dev.lookalike.solr.handler}
 * (request handlers), {@link dev.lookalike.solr.stats} (the node's figures and metrics) and
 * {@link dev.lookalike.solr.proxy} (catalogue proxies as a managed resource). Every
 * refusal is a {@link org.apache.solr.common.SolrException} with an error code.
 */
package dev.lookalike.solr;
