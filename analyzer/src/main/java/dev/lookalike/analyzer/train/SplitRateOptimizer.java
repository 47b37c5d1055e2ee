package dev.lookalike.analyzer.train;

import ai.djl.ndarray.NDArray;
import ai.djl.training.optimizer.Optimizer;
import java.util.Set;

/**
 * Routes each parameter to one of two optimizers: the proxies to their own (with a larger learning
 * rate, as Proxy-NCA needs proxies that move faster than the network), everything else to the network's.
 * DJL's optimizers take one learning-rate schedule for all parameters; this is how to give two.
 */
final class SplitRateOptimizer extends Optimizer {

    private final Set<String> proxyParameterIds;
    private final Optimizer network;
    private final Optimizer proxies;

    SplitRateOptimizer(Set<String> proxyParameterIds, Optimizer network, Optimizer proxies) {
        super(new NoOptions());
        this.proxyParameterIds = Set.copyOf(proxyParameterIds);
        this.network = network;
        this.proxies = proxies;
    }

    @Override
    public void update(String parameterId, NDArray weight, NDArray grad) {
        forParameter(parameterId).update(parameterId, weight, grad);
    }

    /**
     * @param parameterId a parameter's id
     * @return the optimizer that updates it, and holds its state
     */
    Optimizer forParameter(String parameterId) {
        return proxyParameterIds.contains(parameterId) ? proxies : network;
    }

    private static final class NoOptions extends OptimizerBuilder<NoOptions> {
        @Override
        protected NoOptions self() {
            return this;
        }
    }
}
