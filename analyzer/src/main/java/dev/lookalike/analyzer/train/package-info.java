/**
 * Training with the Proxy-NCA++ loss on DJL's PyTorch engine: the training block with its learnable
 * proxies, the loss, class-balanced sampling, augmentation, the two-rate optimizer, checkpoints and the
 * {@link dev.lookalike.analyzer.train.ProxyNcaTrainer} that runs it all.
 */
package dev.lookalike.analyzer.train;
