package dev.lookalike.analyzer.train;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import dev.lookalike.analyzer.model.EmbeddingNetwork;
import dev.lookalike.analyzer.model.ModelBundle;
import dev.lookalike.analyzer.model.VectorMath;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.util.List;

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

    /** @return the proxies as they stand, each scaled to unit length, {@code (classes, dimension)} */
    public float[][] unitProxies() {
        NDArray p = proxies.getArray();
        int classes = (int) p.getShape().get(0);
        int d = (int) p.getShape().get(1);
        float[] flat = p.toFloatArray();
        float[][] out = new float[classes][d];
        for (int c = 0; c < classes; c++) {
            System.arraycopy(flat, c * d, out[c], 0, d);
            VectorMath.normalize(out[c]);
        }
        return out;
    }

    /**
     * Overwrites this block's trained values (network parameters and proxies) with a checkpoint's. The
     * parameters keep their identity, so an initialised trainer goes on with them.
     *
     * @param checkpoint a bundle of the same architecture and classes
     * @param manager    a manager for the scratch copy of the checkpoint's parameters
     * @throws IOException if the checkpoint's parameters do not fit the network
     */
    public void restore(ModelBundle checkpoint, NDManager manager) throws IOException {
        Block loaded = EmbeddingNetwork.build(checkpoint.spec().network());
        try (NDManager scratch = manager.newSubManager()) {
            loaded.loadParameters(scratch, new DataInputStream(new ByteArrayInputStream(checkpoint.parameters())));
            List<Pair<String, Parameter>> from = loaded.getParameters().stream().toList();
            List<Pair<String, Parameter>> to = embedding.getParameters().stream().toList();
            for (int i = 0; i < to.size(); i++) {
                to.get(i).getValue().getArray().set(FloatBuffer.wrap(from.get(i).getValue().getArray().toFloatArray()));
            }
        } catch (MalformedModelException e) {
            throw new IOException("checkpoint parameters do not fit the network", e);
        }
        float[][] vectors = checkpoint.proxies().vectors();
        int d = vectors[0].length;
        float[] flat = new float[vectors.length * d];
        for (int c = 0; c < vectors.length; c++) {
            System.arraycopy(vectors[c], 0, flat, c * d, d);
        }
        proxies.getArray().set(FloatBuffer.wrap(flat));
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
