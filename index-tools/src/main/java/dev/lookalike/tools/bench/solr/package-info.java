/**
 * The benchmark of {@code lookalike bench solr}: the core (or collection) it creates on a running Solr node with
 * one vector field that both Lookalike's {@code {!image_knn}} and Solr's own {@code {!knn}} search, the kinds of
 * search it times, and its result.
 */
package dev.lookalike.tools.bench.solr;
