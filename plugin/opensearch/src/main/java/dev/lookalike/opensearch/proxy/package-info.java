/**
 * An index's catalogue proxies, for re-ranking by the categories of its own catalogue: how they are computed
 * from the documents, where the index keeps them (its mapping's {@code _meta}), and the node's cache of them parsed.
 */
package dev.lookalike.opensearch.proxy;
