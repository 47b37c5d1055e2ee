package dev.lookalike.analyzer.model;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import ai.djl.util.Pair;
import dev.lookalike.analyzer.AnalyzerInputException;
import dev.lookalike.analyzer.preprocess.InputSpec;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.List;

/**
 * Builds the DJL block of the embedding network from a {@link NetworkSpec}. The block maps a batch of
 * inputs {@code (N, channels, height, width)} to raw embeddings {@code (N, embedding size)}; L2
 * normalisation happens outside it, so that training and inference share it unchanged.
 */
public final class EmbeddingNetwork {

    private EmbeddingNetwork() {
    }

    /**
     * @param spec the architecture
     * @return a new, uninitialised block
     */
    public static Block build(NetworkSpec spec) {
        SequentialBlock net = new SequentialBlock();
        List<List<Integer>> stages = spec.stages();
        for (int s = 0; s < stages.size(); s++) {
            for (int channels : stages.get(s)) {
                net.add(Conv2d.builder()
                        .setFilters(channels)
                        .setKernelShape(new Shape(3, 3))
                        .optPadding(new Shape(1, 1))
                        .optBias(false)
                        .build());
                net.add(BatchNorm.builder().build());
                net.add(Activation.reluBlock());
            }
            if (s < stages.size() - 1) {
                net.add(Pool.maxPool2dBlock(new Shape(2, 2)));
            }
        }
        if (spec.globalAverageHead()) {
            net.add(Pool.globalAvgPool2dBlock());
        }
        net.add(Blocks.batchFlattenBlock());
        if (spec.dropout() > 0) {
            net.add(Dropout.builder().optRate(spec.dropout()).build());
        }
        net.add(Linear.builder().setUnits(spec.embeddingSize()).build());
        return net;
    }

    /**
     * Builds a bundle's network and loads its parameters into arrays of {@code manager}, checking that
     * their shapes are the architecture's. Costs a read of the parameters and a scratch initialisation.
     *
     * @param bundle  the bundle
     * @param manager the manager that owns the parameters from now on
     * @return the network, ready for inference
     * @throws AnalyzerInputException naming the model if the parameters do not fit its spec's architecture
     */
    public static Block load(ModelBundle bundle, NDManager manager) {
        Block block = build(bundle.spec().network());
        try {
            block.loadParameters(manager, new DataInputStream(new ByteArrayInputStream(bundle.parameters())));
            requireShapes(bundle.spec().network(), bundle.spec().input(), block, manager);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            throw new AnalyzerInputException("model " + bundle.spec().name(),
                    "parameters do not fit the architecture in spec.json: " + e.getMessage(), e);
        }
        return block;
    }

    /**
     * The network's last layer, the linear projection to the embedding, whose parameters a post-training
     * fit such as whitening may rewrite.
     *
     * @param network a block made by {@link #build}
     * @return its projection layer
     */
    public static Linear projection(Block network) {
        List<Pair<String, Block>> layers = network.getChildren().stream().toList();
        if (layers.isEmpty() || !(layers.get(layers.size() - 1).getValue() instanceof Linear linear)) {
            throw new IllegalArgumentException("not an embedding network: its last layer is not a linear projection");
        }
        return linear;
    }

    /**
     * Checks that loaded parameters have the shapes the architecture and input size call for. DJL's
     * {@code loadParameters} takes whatever shapes the file holds, so parameters of another architecture
     * would otherwise load silently and run as a network other than the spec's. Costs one initialisation
     * of a scratch copy of the network.
     *
     * @param spec    the architecture
     * @param input   the input specification
     * @param loaded  a block built from {@code spec} whose parameters were loaded
     * @param manager a manager for the scratch copy, which is freed before returning
     * @throws IllegalArgumentException naming the first parameter whose shape differs
     */
    static void requireShapes(NetworkSpec spec, InputSpec input, Block loaded, NDManager manager) {
        Block expected = build(spec);
        try (NDManager scratch = manager.newSubManager()) {
            expected.initialize(scratch, DataType.FLOAT32, new Shape(1, input.channels(), input.height(), input.width()));
            List<Pair<String, Parameter>> want = expected.getParameters().stream().toList();
            List<Pair<String, Parameter>> got = loaded.getParameters().stream().toList();
            for (int i = 0; i < want.size(); i++) {
                Shape wanted = want.get(i).getValue().getArray().getShape();
                NDArray array = got.get(i).getValue().isInitialized() ? got.get(i).getValue().getArray() : null;
                if (array == null || !array.getShape().equals(wanted)) {
                    throw new IllegalArgumentException("parameter " + got.get(i).getKey() + " has shape "
                            + (array == null ? "none" : array.getShape()) + ", the network needs " + wanted
                            + (i == 0 && array != null ? channelsMismatch(array.getShape(), input) : ""));
                }
            }
        }
    }

    /** The first convolution's weights are (filters, input channels, 3, 3): say so when the channels differ. */
    private static String channelsMismatch(Shape firstWeights, InputSpec input) {
        if (firstWeights.dimension() != 4 || firstWeights.get(1) == input.channels()) {
            return "";
        }
        return " (the parameters were trained on " + describe(firstWeights.get(1)) + " input, spec.json's \"input\""
                + " has " + describe(input.channels()) + ")";
    }

    private static String describe(long channels) {
        return channels + (channels == 1 ? " channel (grey)" : channels == 3 ? " channels (colour)" : " channels");
    }
}
