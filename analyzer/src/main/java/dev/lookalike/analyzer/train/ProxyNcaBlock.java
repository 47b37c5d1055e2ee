package dev.lookalike.analyzer.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;

/**
 * The training-time model: the embedding network plus one learnable proxy per class. Its forward pass
 * returns the L2-normalised embeddings {@code (N, d)} and the L2-normalised proxies {@code (C, d)}, which
 * the {@link ProxyNcaLoss} compares. The proxies are a parameter of this block, so the trainer's optimizer
 * updates them with everything else (at a learning rate of their own, see {@link SplitRateOptimizer}).
 */
public final class ProxyNcaBlock extends AbstractBlock {

    private static final byte VERSION = 1;

    private final Block embedding;
    private final Parameter proxies;

    /**
     * @param embedding  the embedding network, mapping inputs to raw {@code dimension}-d vectors
     * @param classes    how many proxies
     * @param dimension  the embedding dimension
     */
    public ProxyNcaBlock(Block embedding, int classes, int dimension) {
        super(VERSION);
        this.embedding = addChildBlock("embedding", embedding);
        this.proxies = addParameter(Parameter.builder()
                .setName("proxies")
                .setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(classes, dimension))
                .optInitializer(new NormalInitializer(1f))
                .build());
    }

    /** @return the embedding network */
    public Block embedding() {
        return embedding;
    }

    /** @return the proxies parameter, {@code (classes, dimension)} */
    public Parameter proxies() {
        return proxies;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray raw = embedding.forward(store, inputs, training, params).singletonOrThrow();
        NDArray p = store.getValue(proxies, raw.getDevice(), training);
        return new NDList(unit(raw), unit(p));
    }

    private static NDArray unit(NDArray x) {
        return x.div(x.norm(new int[] {1}, true).clip(1e-12f, Float.MAX_VALUE));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape embeddingShape = embedding.getOutputShapes(inputShapes)[0];
        return new Shape[] {embeddingShape, proxies.getArray().getShape()};
    }

    @Override
    protected void initializeChildBlocks(ai.djl.ndarray.NDManager manager, DataType dataType, Shape... inputShapes) {
        embedding.initialize(manager, dataType, inputShapes);
    }
}
