/**
 * Lookalike's engine-neutral search core on Lucene: reading catalogues
 * ({@link dev.lookalike.search.catalogue}), the index schema and indexing ({@link dev.lookalike.search.index}),
 * category proxies ({@link dev.lookalike.search.proxy}) and the similarity query with filters, text fusion and
 * proxy re-ranking ({@link dev.lookalike.search.query}). Bad input of any kind is reported as
 * {@link dev.lookalike.search.SearchInputException}. The OpenSearch and Solr adapters and the command line call
 * this package; it never depends on an engine.
 */
package dev.lookalike.search;
