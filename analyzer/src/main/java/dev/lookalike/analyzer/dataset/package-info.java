/**
 * Labelled image datasets for training and evaluation: Fashion-MNIST's IDX files ({@link
 * dev.lookalike.analyzer.dataset.FashionMnist}) and a folder per class ({@link
 * dev.lookalike.analyzer.dataset.FolderDataset}), behind {@link dev.lookalike.analyzer.dataset.LabelledDataset};
 * Fashion-MNIST drawn in named colours ({@link dev.lookalike.analyzer.dataset.ColourFashionMnist}); views of a
 * dataset: samples ({@link dev.lookalike.analyzer.dataset.SampledDataset}) and the seeded, stratified held-out split
 * of a training run ({@link dev.lookalike.analyzer.dataset.HeldOutSplit}); and what a dataset's images are like
 * (size, colour: {@link dev.lookalike.analyzer.dataset.ImageSurvey}).
 */
package dev.lookalike.analyzer.dataset;
