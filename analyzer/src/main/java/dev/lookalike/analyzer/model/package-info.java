/**
 * The model bundle ({@link dev.lookalike.analyzer.model.ModelBundle}: spec, parameters, proxies), the
 * embedding network built from the spec, and the {@link dev.lookalike.analyzer.model.Embedder} that turns
 * images into unit vectors with DJL's PyTorch engine, offline.
 */
package dev.lookalike.analyzer.model;
