/**
 * The analyzer: turns images into 64-d Proxy-NCA embeddings. This package holds what every part of it
 * shares, such as {@link dev.lookalike.analyzer.AnalyzerInputException}, the one exception type for bad
 * input; the sub-packages hold decoding ({@code image}), the model bundle and embedder ({@code model}),
 * labelled datasets ({@code dataset}), simulated users' photos ({@code distort}), training ({@code train}) and
 * evaluation metrics ({@code eval}).
 */
package dev.lookalike.analyzer;
