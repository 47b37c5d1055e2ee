/**
 * Labelled image datasets for training and evaluation: Fashion-MNIST's IDX files ({@link
 * dev.lookalike.analyzer.dataset.FashionMnist}) and a folder per class ({@link
 * dev.lookalike.analyzer.dataset.FolderDataset}), behind {@link dev.lookalike.analyzer.dataset.LabelledDataset}, and {@link
 * dev.lookalike.analyzer.dataset.ImageSurvey}, what a dataset's images are like (size, colour).
 */
package dev.lookalike.analyzer.dataset;
