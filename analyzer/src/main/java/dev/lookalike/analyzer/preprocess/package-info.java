/**
 * Preprocessing: from a decoded image to the network's input, as the model bundle's input specification
 * ({@link dev.lookalike.analyzer.preprocess.InputSpec}, which lives here so that the preprocessing needs nothing of
 * the model) says (grey or colour, background polarity, crop and fit, normalisation), on
 * {@link dev.lookalike.analyzer.preprocess.PixelImage}s of one or three channels. {@link
 * dev.lookalike.analyzer.preprocess.Preprocessor} is the one place where this happens, for training images,
 * catalogue images and users' photos alike.
 */
package dev.lookalike.analyzer.preprocess;
