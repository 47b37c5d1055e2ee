/**
 * The model bundle ({@link dev.lookalike.analyzer.model.ModelBundle}: spec, parameters, proxies), the
 * embedding network built from the spec, and the {@link dev.lookalike.analyzer.model.Embedder} that turns
 * images into unit vectors with DJL's PyTorch engine, offline; {@link dev.lookalike.analyzer.model.BundleFolder}
 * writes a finished bundle into its folder without ever leaving half of one.
 */
package dev.lookalike.analyzer.model;
