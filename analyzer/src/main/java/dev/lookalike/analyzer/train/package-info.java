/**
 * Fitting a bundle to data. Training with the Proxy-NCA++ loss on DJL's PyTorch engine: the training block
 * with its learnable proxies, the loss, class-balanced sampling, augmentation (optionally starting from a
 * simulated user's photo made with the query-robustness evaluation's distortions, from
 * {@code dev.lookalike.analyzer.distort}), the two-rate optimizer, checkpoints and the
 * {@link dev.lookalike.analyzer.train.ProxyNcaTrainer} that runs it all. After training,
 * {@link dev.lookalike.analyzer.train.EmbeddingWhitener} fits a {@link dev.lookalike.analyzer.train.Whitening}
 * of a bundle's embedding and folds it into the network.
 */
package dev.lookalike.analyzer.train;
