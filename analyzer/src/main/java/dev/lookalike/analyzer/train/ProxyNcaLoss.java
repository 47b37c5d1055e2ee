package dev.lookalike.analyzer.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/**
 * The Proxy-NCA++ loss (Teh, DeVries and Taylor, 2020, after Movshovitz-Attias et al., 2017): with unit
 * embeddings {@code x} and unit proxies {@code p}, the cross-entropy of the softmax over classes of
 * {@code -||x - p_c||^2 / T}. Unlike the original Proxy-NCA, the positive proxy sits in the denominator
 * too, which keeps the loss bounded below; the low temperature {@code T} sharpens the distribution.
 * Predictions are {@link ProxyNcaBlock}'s output; labels are class indices.
 */
public final class ProxyNcaLoss extends Loss {

    private final float temperature;

    /** @param temperature the softmax temperature, e.g. 1/9 as ProxyNCA++ recommends */
    public ProxyNcaLoss(float temperature) {
        super("ProxyNcaLoss");
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("temperature must be positive, got " + temperature);
        }
        this.temperature = temperature;
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray x = predictions.get(0);
        NDArray p = predictions.get(1);
        // ||x - p||^2 = 2 - 2 x.p for unit vectors; the constant cancels in the softmax.
        NDArray logits = x.matMul(p.transpose()).mul(2f / temperature);
        NDArray logProb = logits.logSoftmax(1);
        NDArray target = labels.singletonOrThrow().toType(ai.djl.ndarray.types.DataType.INT64, false)
                .oneHot((int) logits.getShape().get(1));
        return logProb.mul(target).sum(new int[] {1}).neg().mean();
    }
}
