/**
 * A collection's catalogue proxies, for re-ranking by the categories of its own catalogue: computed from its
 * documents with the search core's {@link dev.lookalike.search.proxy.CategoryProxyBuilder}
 * ({@link dev.lookalike.solr.proxy.CatalogueScan}, {@link dev.lookalike.solr.proxy.ProxyRefreshHandler}) and
 * kept as a Solr managed resource ({@link dev.lookalike.solr.proxy.ManagedCatalogueProxies}), stored with the
 * configset (ZooKeeper in SolrCloud), so that every shard and replica reads the same ones.
 */
package dev.lookalike.solr.proxy;
