package dev.lookalike.analyzer.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
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
        net.add(Blocks.batchFlattenBlock());
        if (spec.dropout() > 0) {
            net.add(Dropout.builder().optRate(spec.dropout()).build());
        }
        net.add(Linear.builder().setUnits(spec.embeddingSize()).build());
        return net;
    }
}
