/**
 * Fitting a bundle to data. Training with the Proxy-NCA++ loss on DJL's PyTorch engine: the training block
 * with its learnable proxies, the loss, class-balanced sampling, augmentation, the two-rate optimizer,
 * checkpoints and the {@link dev.lookalike.analyzer.train.ProxyNcaTrainer} that runs it all. After training,
 * {@link dev.lookalike.analyzer.train.EmbeddingWhitener} fits a {@link dev.lookalike.analyzer.train.Whitening}
 * of a bundle's embedding and folds it into the network.
 */
package dev.lookalike.analyzer.train;
