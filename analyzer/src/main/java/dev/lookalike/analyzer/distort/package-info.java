/**
 * Distortions that make a catalogue image look like a user's photo of the product, one small class per
 * kind ({@link dev.lookalike.analyzer.distort.Rotation}, {@link dev.lookalike.analyzer.distort.JpegCompression},
 * {@link dev.lookalike.analyzer.distort.ScaleShift}, {@link dev.lookalike.analyzer.distort.GaussianBlur},
 * {@link dev.lookalike.analyzer.distort.BrightnessContrast}, {@link
 * dev.lookalike.analyzer.distort.BackgroundReplacement}), composable as {@link
 * dev.lookalike.analyzer.distort.ImageDistortion}s and deterministic given their random source, and {@link
 * dev.lookalike.analyzer.distort.DistortedQueries}, which turns a dataset item into the encoded bytes of its
 * distorted photo so that the real decoding and preprocessing run on it; {@link
 * dev.lookalike.analyzer.distort.PhotoQuerySimulator}, the first photo simulation (off-centre on a canvas, JPEG).
 * A grey catalogue image may be shown inverted (Fashion-MNIST's are negatives); a colour one keeps its colours. Used to measure how robust a model
 * is to such queries, and by training to show the model such photos; depends on nothing but the JDK and
 * {@link dev.lookalike.analyzer.preprocess.PixelImage}.
 */
package dev.lookalike.analyzer.distort;
