package dev.lookalike.analyzer.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import dev.lookalike.analyzer.preprocess.InputSpec;
import dev.lookalike.analyzer.preprocess.Preprocessor;
import java.util.function.IntConsumer;

/**
 * Runs an embedding network over prepared images in inference mode (batch normalisation's running
 * statistics, no dropout) and returns its raw outputs, before L2 normalisation. Each batch lives in its own
 * sub-manager. Costs one forward pass per image.
 */
final class HeadOutputs {

    private static final int BATCH = 256;

    private HeadOutputs() {
    }

    /**
     * @param network   the embedding network, parameters loaded
     * @param images    the images, fitted to the input but not normalised
     * @param input     the input specification, for normalisation and the tensor shape
     * @param dimension the embedding size
     * @param parent    the manager whose sub-managers hold each batch
     * @param done      told the number of images done after each batch
     * @return one raw output row per image
     */
    static float[][] compute(Block network, PreparedImages images, InputSpec input, int dimension, NDManager parent,
            IntConsumer done) {
        Preprocessor preprocessor = new Preprocessor(input);
        int size = input.size();
        float[][] out = new float[images.size()][];
        for (int from = 0; from < images.size(); from += BATCH) {
            int to = Math.min(images.size(), from + BATCH);
            float[] pixels = new float[(to - from) * size];
            for (int i = from; i < to; i++) {
                System.arraycopy(preprocessor.normalize(images.image(i).clone()), 0, pixels, (i - from) * size, size);
            }
            try (NDManager manager = parent.newSubManager()) {
                NDArray x = manager.create(pixels,
                        new Shape(to - from, input.channels(), input.height(), input.width()));
                float[] flat = network.forward(new ParameterStore(manager, false), new NDList(x), false)
                        .singletonOrThrow().toFloatArray();
                for (int i = from; i < to; i++) {
                    out[i] = new float[dimension];
                    System.arraycopy(flat, (i - from) * dimension, out[i], 0, dimension);
                }
            }
            done.accept(to);
        }
        return out;
    }
}
